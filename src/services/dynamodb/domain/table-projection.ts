/**
 * What a secondary index holds of an item: its Projection. The store keeps one copy of each item
 * (indexes point at it), so Query/Scan on an index apply the projection when they read. Pure.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Projections
 */
import { keyNames } from './table-keys.js';
import type { IndexDefinition, TableDefinition } from './table-model.js';
import type { Item } from './types.js';

/** The attributes an index projects, or undefined for ALL. Always includes the table's and the index's keys. */
export function projectedNames(table: Pick<TableDefinition, 'key'>, index: IndexDefinition): Set<string> | undefined {
  if (index.projection.type === 'ALL') return undefined;
  const names = new Set([...keyNames(table.key), ...keyNames(index.key)]);
  if (index.projection.type === 'INCLUDE') for (const n of index.projection.nonKeyAttributes ?? []) names.add(n);
  return names;
}

/** The item as the index stores it. Returns the same object for ALL. */
export function projectForIndex(table: Pick<TableDefinition, 'key'>, index: IndexDefinition, item: Item): Item {
  const names = projectedNames(table, index);
  if (!names) return item;
  const out: Item = {};
  for (const n of names) {
    const v = item[n];
    if (v !== undefined) out[n] = v;
  }
  return out;
}
