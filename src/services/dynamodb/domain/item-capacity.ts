/**
 * What one item read or write consumes, on the table and on each secondary index, charged to a
 * CapacityMeter. Pure.
 *
 * - A read costs readUnits of the whole item's size (a projection does not make it cheaper).
 * - A write costs writeUnits of the larger of the item before and after.
 * - An index is charged only when its entry changes: writeUnits of the projected item when an
 *   entry appears, disappears or changes in place; twice (a delete and a put) when the item's
 *   index key changes. A write that leaves the projection unchanged costs the index nothing.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations.Writes
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html#LSI.ThroughputConsiderations.Writes
 */
import { readUnits, writeUnits, type CapacityMeter } from './capacity.js';
import { indexKeyValues } from './table-keys.js';
import type { TableDefinition } from './table-model.js';
import { projectForIndex } from './table-projection.js';
import type { Item } from './types.js';
import { itemSize, valuesEqual } from './values/index.js';

type TableShape = Pick<TableDefinition, 'key' | 'indexes'>;

export function chargeRead(meter: CapacityMeter, item: Item | undefined, consistent: boolean, transactional = false): void {
  if (!meter.enabled) return;
  meter.table(readUnits(item ? itemSize(item) : 0, consistent, transactional), 'read');
}

export function chargeWrite(meter: CapacityMeter, table: TableShape, before: Item | undefined, after: Item | undefined, transactional = false): void {
  if (!meter.enabled) return;
  const size = Math.max(before ? itemSize(before) : 0, after ? itemSize(after) : 0);
  meter.table(writeUnits(size, transactional), 'write');
  for (const index of table.indexes) {
    const units = indexWriteUnits(table, index, before, after, transactional);
    if (units > 0) meter.index(index.name, index.kind === 'GSI', units, 'write');
  }
}

function indexWriteUnits(table: TableShape, index: TableShape['indexes'][number], before: Item | undefined, after: Item | undefined, transactional: boolean): number {
  const oldKey = before && indexKeyValues(index, before);
  const newKey = after && indexKeyValues(index, after);
  const oldEntry = oldKey && before ? projectForIndex(table, index, before) : undefined;
  const newEntry = newKey && after ? projectForIndex(table, index, after) : undefined;
  if (!oldEntry && !newEntry) return 0;
  if (oldEntry && newEntry) {
    if (valuesEqual({ M: oldEntry }, { M: newEntry })) return 0;
    const keyChanged = !valuesEqual(oldKey!.hash, newKey!.hash) || (oldKey!.range !== undefined && !valuesEqual(oldKey!.range, newKey!.range!));
    if (keyChanged) return writeUnits(itemSize(oldEntry), transactional) + writeUnits(itemSize(newEntry), transactional);
    return writeUnits(Math.max(itemSize(oldEntry), itemSize(newEntry)), transactional);
  }
  return writeUnits(itemSize((oldEntry ?? newEntry)!), transactional);
}
