/**
 * The table catalog: one row per table (its definition as JSON), the index id allocator and the
 * exact ItemCount/size counters. Lookups are cached in memory because every item operation starts
 * with one. Mutations run inside a `Database.write` and drop the cached entry at once, so a later
 * write in the same group commit sees the new definition; DynamoStore.write clears the whole cache
 * when a write fails (its savepoint rolled back whatever it changed).
 */
import type { Database } from '../../../storage/index.js';
import type { Scope, TableDefinition, TableRecord } from '../domain/table-model.js';

interface TableRow {
  id: number;
  account_id: string;
  region: string;
  name: string;
  definition: string;
}

export interface Counter {
  itemCount: number;
  sizeBytes: number;
}

/** The table's counter (index id 0) and each index's, by index id. */
export interface TableCounters {
  table: Counter;
  indexes: Map<number, Counter>;
}

function toRecord(row: TableRow): TableRecord {
  const def = JSON.parse(row.definition) as TableDefinition;
  return { ...def, id: row.id, accountId: row.account_id, region: row.region, name: row.name };
}

function definitionOf(table: TableDefinition): string {
  const { id: _id, accountId: _a, region: _r, name: _n, ...def } = table as TableRecord;
  return JSON.stringify(def);
}

const BY_NAME = 'SELECT id, account_id, region, name, definition FROM dynamodb_tables WHERE account_id = ? AND region = ? AND name = ?';

export class TableCatalog {
  private readonly cache = new Map<string, TableRecord>();
  private cacheGeneration: number;

  constructor(private readonly db: Database) {
    this.cacheGeneration = db.generation;
  }

  private key(scope: Scope, name: string): string {
    return `${scope.accountId}\u0000${scope.region}\u0000${name}`;
  }

  /** Forgets every cached table (after a failed write, or when the database was wiped). */
  forgetAll(): void {
    this.cache.clear();
  }

  /** A table by name, or undefined. The record is shared: never mutate it. */
  get(scope: Scope, name: string): TableRecord | undefined {
    if (this.cacheGeneration !== this.db.generation) {
      this.cache.clear();
      this.cacheGeneration = this.db.generation;
    }
    const key = this.key(scope, name);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const row = this.db.prepare(BY_NAME).get(scope.accountId, scope.region, name) as TableRow | undefined;
    if (!row) return undefined;
    const record = toRecord(row);
    this.cache.set(key, record);
    return record;
  }

  /**
   * The latest definition of a table a caller looked up earlier (a write in the same group commit
   * may have changed it since), or undefined when it was deleted in the meantime.
   */
  current(table: TableRecord): TableRecord | undefined {
    const latest = this.get(table, table.name);
    return latest && latest.id === table.id ? latest : undefined;
  }

  /** Table names in the scope, ascending, after `exclusiveStart`, at most `limit` (+1 to tell whether more follow). */
  names(scope: Scope, exclusiveStart: string | undefined, limit: number): string[] {
    const rows = this.db
      .prepare('SELECT name FROM dynamodb_tables WHERE account_id = ? AND region = ? AND name > ? ORDER BY name LIMIT ? + 0')
      .all(scope.accountId, scope.region, exclusiveStart ?? '', limit) as { name: string }[];
    return rows.map((r) => r.name);
  }

  /** Every table with TTL enabled, in any account and region (for the TTL sweep). */
  withTtlEnabled(): TableRecord[] {
    const rows = this.db
      .prepare("SELECT id, account_id, region, name, definition FROM dynamodb_tables WHERE json_extract(definition, '$.ttl.enabled') = 1")
      .all() as TableRow[];
    return rows.map(toRecord);
  }

  /** Allocates the id an index's entries are stored under (inside a write). */
  allocateIndexId(tableId: number, indexName: string): number {
    const r = this.db.prepare('INSERT INTO dynamodb_indexes (table_id, name) VALUES (?, ?)').run(tableId, indexName);
    return Number(r.lastInsertRowid);
  }

  /**
   * Creates a table row and its counters (inside a write). The definition's index ids must come
   * from allocateIndexId after the table id is known, so the caller passes a function.
   */
  create(scope: Scope, name: string, build: (tableId: number) => TableDefinition): TableRecord {
    const r = this.db
      .prepare('INSERT INTO dynamodb_tables (account_id, region, name, definition) VALUES (?, ?, ?, ?)')
      .run(scope.accountId, scope.region, name, '{}');
    const id = Number(r.lastInsertRowid);
    const def = build(id);
    this.db.prepare('UPDATE dynamodb_tables SET definition = ? WHERE id = ?').run(definitionOf(def), id);
    this.initCounter(id, 0);
    for (const index of def.indexes) this.initCounter(id, index.id);
    this.cache.delete(this.key(scope, name));
    return { ...def, id, accountId: scope.accountId, region: scope.region, name };
  }

  /** Replaces a table's definition (inside a write); returns the new record. */
  update(table: TableRecord, def: TableDefinition): TableRecord {
    this.db.prepare('UPDATE dynamodb_tables SET definition = ? WHERE id = ?').run(definitionOf(def), table.id);
    this.cache.delete(this.key(table, table.name));
    return { ...def, id: table.id, accountId: table.accountId, region: table.region, name: table.name };
  }

  /** Removes a table row and its counters (inside a write); items and entries are the caller's. */
  delete(table: TableRecord): void {
    this.db.prepare('DELETE FROM dynamodb_tables WHERE id = ?').run(table.id);
    this.db.prepare('DELETE FROM dynamodb_counters WHERE table_id = ?').run(table.id);
    this.db.prepare('DELETE FROM dynamodb_indexes WHERE table_id = ?').run(table.id);
    this.cache.delete(this.key(table, table.name));
  }

  initCounter(tableId: number, indexId: number): void {
    this.db
      .prepare('INSERT OR REPLACE INTO dynamodb_counters (table_id, index_id, item_count, size_bytes) VALUES (?, ?, 0, 0)')
      .run(tableId, indexId);
  }

  dropCounter(tableId: number, indexId: number): void {
    this.db.prepare('DELETE FROM dynamodb_counters WHERE table_id = ? AND index_id = ?').run(tableId, indexId);
  }

  /** Adds to a counter (inside a write). */
  bump(tableId: number, indexId: number, items: number, bytes: number): void {
    this.db
      .prepare('UPDATE dynamodb_counters SET item_count = item_count + ?, size_bytes = size_bytes + ? WHERE table_id = ? AND index_id = ?')
      .run(items, bytes, tableId, indexId);
  }

  counters(table: TableRecord): TableCounters {
    const rows = this.db
      .prepare('SELECT index_id, item_count, size_bytes FROM dynamodb_counters WHERE table_id = ?')
      .all(table.id) as { index_id: number; item_count: number; size_bytes: number }[];
    const out: TableCounters = { table: { itemCount: 0, sizeBytes: 0 }, indexes: new Map() };
    for (const r of rows) {
      const c = { itemCount: r.item_count, sizeBytes: r.size_bytes };
      if (r.index_id === 0) out.table = c;
      else out.indexes.set(r.index_id, c);
    }
    return out;
  }
}
