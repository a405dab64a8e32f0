/**
 * Control-plane changes that touch more than the catalog row, each inside a `Database.write`:
 * creating a table (counters, index ids, its first stream), deleting one (items, index entries,
 * counters; its stream is closed and stays readable 24 hours), adding a GSI (backfilled from the
 * table's items in the same transaction, so it is complete when UpdateTable returns), removing
 * one, enabling/disabling a stream (a re-enabled stream is a new stream with a new label) and
 * switching TTL (fills or clears the items' expiry column).
 */
import type { HotItems } from './hot-items.js';
import type { Database } from '../../../storage/index.js';
import type { IndexDefinition, Scope, StreamViewType, TableDefinition, TableRecord, TtlSettings } from '../domain/table-model.js';
import { expiryOf } from '../domain/table-ttl.js';
import { decodeItem } from '../domain/values/index.js';
import type { IndexEntries } from './index-entries.js';
import { tableRows } from './index-entries.js';
import type { StreamLog } from './streams.js';
import type { TableCatalog } from './tables.js';

/** An index as CreateTable/UpdateTable describe it, before it has an id. */
export type NewIndex = Omit<IndexDefinition, 'id'>;

/** A table as CreateTable describes it: indexes without ids, and the view type of its stream if any. */
export type NewTable = Omit<TableDefinition, 'indexes' | 'stream'> & {
  indexes: NewIndex[];
  streamViewType?: StreamViewType;
};

export class TableAdmin {
  constructor(
    private readonly db: Database,
    private readonly catalog: TableCatalog,
    private readonly entries: IndexEntries,
    private readonly streams: StreamLog,
    private readonly hot: HotItems,
  ) {}

  create(scope: Scope, name: string, table: NewTable): TableRecord {
    const { streamViewType, indexes, ...rest } = table;
    let created = this.catalog.create(scope, name, (id) => ({
      ...rest,
      indexes: indexes.map((i) => ({ ...i, id: this.catalog.allocateIndexId(id, i.name) })),
    }));
    if (streamViewType) {
      const stream = this.streams.open(created, streamViewType, table.createdAt);
      created = this.catalog.update(created, { ...created, stream });
    }
    return created;
  }

  /** Replaces settings that need no data change (billing, throughput, tags, protection, class, SSE, PITR). */
  update(table: TableRecord, def: TableDefinition): TableRecord {
    return this.catalog.update(table, def);
  }

  /** Deletes the table, its items and index entries; closes its stream. */
  drop(table: TableRecord, nowMs: number): void {
    this.hot.clear();
    this.db.prepare('DELETE FROM dynamodb_items WHERE table_id = ?').run(table.id);
    for (const index of table.indexes) this.entries.drop(index.id);
    if (table.stream?.enabled) this.streams.close(table.stream.streamId, nowMs);
    this.catalog.delete(table);
  }

  /** Adds a GSI and fills it from the table's items. */
  addIndex(table: TableRecord, index: NewIndex, attributeDefinitions: TableDefinition['attributeDefinitions']): TableRecord {
    const created: IndexDefinition = { ...index, id: this.catalog.allocateIndexId(table.id, index.name) };
    const updated = this.catalog.update(table, { ...table, attributeDefinitions, indexes: [...table.indexes, created] });
    this.catalog.initCounter(table.id, created.id);
    const counter = this.entries.backfill(updated, created);
    this.catalog.bump(table.id, created.id, counter.itemCount, counter.sizeBytes);
    return updated;
  }

  /** Removes an index and its entries. */
  dropIndex(table: TableRecord, indexName: string, attributeDefinitions: TableDefinition['attributeDefinitions']): TableRecord {
    const index = table.indexes.find((i) => i.name === indexName);
    if (!index) return table;
    this.entries.drop(index.id);
    this.catalog.dropCounter(table.id, index.id);
    return this.catalog.update(table, { ...table, attributeDefinitions, indexes: table.indexes.filter((i) => i !== index) });
  }

  enableStream(table: TableRecord, viewType: StreamViewType, nowMs: number): TableRecord {
    if (table.stream?.enabled) this.streams.close(table.stream.streamId, nowMs);
    const stream = this.streams.open(table, viewType, nowMs);
    return this.catalog.update(table, { ...table, stream });
  }

  disableStream(table: TableRecord, nowMs: number): TableRecord {
    if (!table.stream?.enabled) return table;
    this.streams.close(table.stream.streamId, nowMs);
    return this.catalog.update(table, { ...table, stream: { ...table.stream, enabled: false } });
  }

  /** Sets the TTL settings and (re)computes every item's expiry. */
  setTtl(table: TableRecord, ttl: TtlSettings): TableRecord {
    const updated = this.catalog.update(table, { ...table, ttl });
    this.db.prepare('UPDATE dynamodb_items SET expires = NULL WHERE table_id = ? AND expires IS NOT NULL').run(table.id);
    if (!ttl.enabled) return updated;
    const set = this.db.prepare('UPDATE dynamodb_items SET expires = ? WHERE table_id = ? AND bucket = ? AND hk = ? AND rk = ?');
    for (const row of tableRows(this.db, table.id)) {
      const expires = expiryOf(updated, decodeItem(row.body));
      if (expires !== null) set.run(expires, table.id, row.bucket, row.hk, row.rk);
    }
    return updated;
  }
}
