/**
 * Keys of items, for a table and for its indexes. Pure.
 *
 * An item belongs to a secondary index only when it has every key attribute of the index with the
 * type AttributeDefinitions gives it (a "sparse" index skips the others). The item operations
 * reject writes whose index key attributes have the wrong type or are empty before they reach the
 * store (AWS: "Type mismatch for Index Key …"); the store still checks, so an index never holds an
 * entry it cannot order.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-indexes-general-sparse-indexes.html
 */
import type { IndexDefinition, TableDefinition } from './table-model.js';
import type { AttributeValue, Item, KeyAttribute, KeySchema } from './types.js';

/** Whether a value is of a key type (S, N or B) — the member of that name is set. */
export function hasKeyType(value: AttributeValue | undefined, attribute: KeyAttribute): value is AttributeValue {
  return value !== undefined && value[attribute.type] !== undefined;
}

/** The key attribute names of a key schema: hash first. */
export function keyNames(key: KeySchema): string[] {
  return key.range ? [key.hash.name, key.range.name] : [key.hash.name];
}

/** The table's primary key attributes of an item (the item must have them). */
export function primaryKeyOf(table: Pick<TableDefinition, 'key'>, item: Item): Item {
  const out: Item = { [table.key.hash.name]: item[table.key.hash.name]! };
  if (table.key.range) out[table.key.range.name] = item[table.key.range.name]!;
  return out;
}

/** The index key values of an item, or undefined when the item is not in the index (sparse). */
export function indexKeyValues(index: IndexDefinition, item: Item): { hash: AttributeValue; range?: AttributeValue } | undefined {
  const hash = item[index.key.hash.name];
  if (!hasKeyType(hash, index.key.hash)) return undefined;
  if (!index.key.range) return { hash };
  const range = item[index.key.range.name];
  if (!hasKeyType(range, index.key.range)) return undefined;
  return { hash, range };
}

/**
 * The key an index Query/Scan reports as LastEvaluatedKey for an item: the table's key plus the
 * index's key attributes (AWS returns both so the next page can resume).
 */
export function indexPageKeyOf(table: Pick<TableDefinition, 'key'>, index: IndexDefinition, item: Item): Item {
  const out = primaryKeyOf(table, item);
  out[index.key.hash.name] = item[index.key.hash.name]!;
  if (index.key.range) out[index.key.range.name] = item[index.key.range.name]!;
  return out;
}

/** Every attribute name that is a key of the table or of any of its indexes. */
export function allKeyNames(table: TableDefinition): Set<string> {
  const names = new Set(keyNames(table.key));
  for (const index of table.indexes) for (const n of keyNames(index.key)) names.add(n);
  return names;
}
