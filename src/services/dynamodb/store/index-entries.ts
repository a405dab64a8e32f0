/**
 * Secondary index entries: one row per item present in an LSI or GSI, pointing at the base item.
 * Writes maintain them in the same transaction as the item (store/items.ts); a GSI created by
 * UpdateTable is filled here from the table's items (backfill) and a deleted one emptied.
 */
import type { Database } from '../../../storage/index.js';
import { projectForIndex } from '../domain/table-projection.js';
import type { IndexDefinition, TableDefinition } from '../domain/table-model.js';
import type { Item } from '../domain/types.js';
import { decodeItem, itemSize } from '../domain/values/index.js';
import { indexKeyOf, type IndexKey, type TableKey } from './encoded-keys.js';
import type { Counter } from './tables.js';

const INSERT = `INSERT OR REPLACE INTO dynamodb_index_entries (index_id, bucket, ihk, irk, hk, rk, tbucket)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;
const DELETE = 'DELETE FROM dynamodb_index_entries WHERE index_id = ? AND bucket = ? AND ihk = ? AND irk = ? AND hk = ? AND rk = ?';

/** The bytes an item occupies in an index (IndexSizeBytes): its projected attributes. */
export function projectedSize(table: Pick<TableDefinition, 'key'>, index: IndexDefinition, item: Item, fullSize: number): number {
  return index.projection.type === 'ALL' ? fullSize : itemSize(projectForIndex(table, index, item));
}

const PAGE = 512;

/**
 * Every item row of a table in key order, read page by page (better-sqlite3 cannot write while a
 * statement iterates, and a whole table may not fit in memory).
 */
export function* tableRows(db: Database, tableId: number): Generator<TableKey & { body: Buffer }> {
  let after: [number, Buffer, Buffer] = [-1, Buffer.alloc(0), Buffer.alloc(0)];
  for (;;) {
    const rows = db
      .prepare(`SELECT bucket, hk, rk, body FROM dynamodb_items WHERE table_id = ? AND (bucket, hk, rk) > (?, ?, ?)
        ORDER BY bucket, hk, rk LIMIT ${PAGE}`)
      .all(tableId, ...after) as (TableKey & { body: Buffer })[];
    yield* rows;
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1]!;
    after = [last.bucket, last.hk, last.rk];
  }
}

export class IndexEntries {
  constructor(private readonly db: Database) {}

  insert(indexId: number, key: IndexKey, item: TableKey): void {
    this.db.prepare(INSERT).run(indexId, key.bucket, key.ihk, key.irk, item.hk, item.rk, item.bucket);
  }

  remove(indexId: number, key: IndexKey, item: TableKey): void {
    this.db.prepare(DELETE).run(indexId, key.bucket, key.ihk, key.irk, item.hk, item.rk);
  }

  /** Removes every entry of an index (inside a write). */
  drop(indexId: number): void {
    this.db.prepare('DELETE FROM dynamodb_index_entries WHERE index_id = ?').run(indexId);
  }

  /**
   * Adds an entry for every item of the table that belongs in the index (inside a write), and
   * returns the index's ItemCount and IndexSizeBytes.
   */
  backfill(table: TableDefinition & { id: number }, index: IndexDefinition): Counter {
    const counter: Counter = { itemCount: 0, sizeBytes: 0 };
    for (const row of tableRows(this.db, table.id)) {
      const item = decodeItem(row.body);
      const key = indexKeyOf(index, item);
      if (!key) continue;
      this.insert(index.id, key, row);
      counter.itemCount++;
      counter.sizeBytes += projectedSize(table, index, item, itemSize(item));
    }
    return counter;
  }
}
