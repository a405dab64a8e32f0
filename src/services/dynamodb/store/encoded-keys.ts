/**
 * Items' keys as the store keeps them: the order-preserving byte encodings of the key values
 * (domain/values `encodeKeyValue`: memcmp order of the encodings is DynamoDB's key order) and the
 * hash bucket of the partition key (partition-hash.ts). A missing sort key is the empty blob.
 */
import { hasKeyType, indexKeyValues } from '../domain/table-keys.js';
import type { IndexDefinition, TableDefinition } from '../domain/table-model.js';
import type { Item } from '../domain/types.js';
import { encodeKeyValue } from '../domain/values/index.js';
import { validationError } from '../domain/errors.js';
import { partitionHash } from './partition-hash.js';

export const EMPTY: Buffer = Buffer.alloc(0);

/** An item's place in its table. */
export interface TableKey {
  bucket: number;
  hk: Buffer;
  rk: Buffer;
}

/** An item's place in an index; `hk`/`rk`/`tbucket` locate the item in its table. */
export interface IndexKey {
  bucket: number;
  ihk: Buffer;
  irk: Buffer;
}

/** The encoded primary key of an item (or of a key): its key attributes must be present and typed. */
export function tableKeyOf(table: Pick<TableDefinition, 'key'>, item: Item): TableKey {
  const { hash, range } = table.key;
  const hv = item[hash.name];
  if (!hasKeyType(hv, hash)) throw validationError('The provided key element does not match the schema');
  const hk = encodeKeyValue(hv, hash.type);
  let rk = EMPTY;
  if (range) {
    const rv = item[range.name];
    if (!hasKeyType(rv, range)) throw validationError('The provided key element does not match the schema');
    rk = encodeKeyValue(rv, range.type);
  }
  return { bucket: partitionHash(hk), hk, rk };
}

/** The encoded index key of an item, or undefined when the item is not in the index (sparse). */
export function indexKeyOf(index: IndexDefinition, item: Item): IndexKey | undefined {
  const values = indexKeyValues(index, item);
  if (!values) return undefined;
  const ihk = encodeKeyValue(values.hash, index.key.hash.type);
  const irk = values.range && index.key.range ? encodeKeyValue(values.range, index.key.range.type) : EMPTY;
  return { bucket: partitionHash(ihk), ihk, irk };
}

export function sameIndexKey(a: IndexKey, b: IndexKey): boolean {
  return a.bucket === b.bucket && a.ihk.equals(b.ihk) && a.irk.equals(b.irk);
}
