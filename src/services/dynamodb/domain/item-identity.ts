/**
 * A string naming one item of one table, to find requests that name the same item twice
 * (BatchWriteItem, BatchGetItem: "Provided list of item keys contains duplicates";
 * TransactWriteItems, TransactGetItems: "Transaction request cannot include multiple operations
 * on one item"). Keys must be validated first: numbers normalized, so 1 and 1.0 are one item. Pure.
 */
import type { AttributeValue, Item } from './types.js';

export function itemIdentity(tableId: number | string, key: Item): string {
  const names = Object.keys(key).sort();
  let out = String(tableId);
  for (const name of names) out += `\u0000${name}\u0000${scalarText(key[name] as AttributeValue)}`;
  return out;
}

function scalarText(v: AttributeValue): string {
  if (v.S !== undefined) return `S${v.S}`;
  if (v.N !== undefined) return `N${v.N}`;
  if (v.B !== undefined) return `B${Buffer.from(v.B.buffer, v.B.byteOffset, v.B.byteLength).toString('base64')}`;
  // Not a key type: the schema check refuses it later; any stable text will do.
  return JSON.stringify(v);
}
