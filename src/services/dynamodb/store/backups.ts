/**
 * On-demand backups (namespace `dynamodb`, migration 3): a backup is a catalog row holding the
 * source table's definition as it was (JSON) plus its ItemCount/size, and a copy of every item
 * row. Both are written by one INSERT … SELECT each inside the CreateBackup write, so a backup
 * is one consistent snapshot: a write committed before it is in it, one after it is not.
 * A backup is independent of its table: dropping the table leaves it whole.
 *
 * Restoring copies the rows into a new table (same key schema, so the stored key encodings and
 * hash buckets are valid as they are), sets the table's counters from the copy, and fills each
 * index of the restored table from its items (IndexEntries.backfill), all in the restore's write.
 */
import type { Database } from '../../../storage/index.js';
import type { BackupRecord, BackupType } from '../domain/backup-model.js';
import type { Scope, TableDefinition, TableRecord } from '../domain/table-model.js';
import type { IndexEntries } from './index-entries.js';
import type { TableCatalog } from './tables.js';

/** ListBackups' filters; every bound optional. */
export interface BackupFilter {
  tableName?: string;
  /** Inclusive lower, exclusive upper bound on the creation time. */
  fromMs?: number;
  beforeMs?: number;
  types?: readonly BackupType[];
  /** Continue after this backup in list order (creation time, then ARN). */
  after?: { createdAt: number; arn: string };
  limit: number;
}

interface BackupRow {
  id: number;
  account_id: string;
  region: string;
  arn: string;
  name: string;
  backup_type: string;
  created_at: number;
  item_count: number;
  size_bytes: number;
  table_name: string;
  definition: string;
}

const COLUMNS = 'id, account_id, region, arn, name, backup_type, created_at, item_count, size_bytes, table_name, definition';

function toBackup(row: BackupRow): BackupRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    region: row.region,
    arn: row.arn,
    name: row.name,
    type: row.backup_type as BackupType,
    createdAt: row.created_at,
    itemCount: row.item_count,
    sizeBytes: row.size_bytes,
    tableName: row.table_name,
    table: JSON.parse(row.definition) as TableDefinition,
  };
}

/** The definition alone: the record's row id, scope and name are the catalog's, not the table's. */
function definitionOf(table: TableRecord): TableDefinition {
  const { id: _id, accountId: _a, region: _r, name: _n, ...def } = table;
  return def;
}

export class BackupStore {
  constructor(
    private readonly db: Database,
    private readonly catalog: TableCatalog,
    private readonly entries: IndexEntries,
  ) {}

  /** Takes a backup of a table's current items and definition (inside a write). */
  create(table: TableRecord, backup: { arn: string; name: string; createdAt: number }): BackupRecord {
    const counters = this.catalog.counters(table).table;
    const r = this.db
      .prepare(`INSERT INTO dynamodb_backups (account_id, region, arn, name, backup_type, created_at, item_count, size_bytes, table_name, definition)
        VALUES (?, ?, ?, ?, 'USER', ?, ?, ?, ?, ?)`)
      .run(table.accountId, table.region, backup.arn, backup.name, backup.createdAt, counters.itemCount, counters.sizeBytes, table.name, JSON.stringify(definitionOf(table)));
    const id = Number(r.lastInsertRowid);
    this.db
      .prepare('INSERT INTO dynamodb_backup_items (backup_id, bucket, hk, rk, body) SELECT ?, bucket, hk, rk, body FROM dynamodb_items WHERE table_id = ?')
      .run(id, table.id);
    return {
      id,
      accountId: table.accountId,
      region: table.region,
      arn: backup.arn,
      name: backup.name,
      type: 'USER',
      createdAt: backup.createdAt,
      itemCount: counters.itemCount,
      sizeBytes: counters.sizeBytes,
      tableName: table.name,
      table: definitionOf(table),
    };
  }

  /** A backup of the scope by ARN, or undefined (another account's or region's ARN finds nothing). */
  get(scope: Scope, arn: string): BackupRecord | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM dynamodb_backups WHERE arn = ? AND account_id = ? AND region = ?`).get(arn, scope.accountId, scope.region) as
      | BackupRow
      | undefined;
    return row && toBackup(row);
  }

  /** Backups of the scope in creation order (then ARN), filtered, at most `limit`. */
  list(scope: Scope, filter: BackupFilter): BackupRecord[] {
    const where = ['account_id = ?', 'region = ?'];
    const args: (string | number)[] = [scope.accountId, scope.region];
    if (filter.tableName !== undefined) {
      where.push('table_name = ?');
      args.push(filter.tableName);
    }
    if (filter.fromMs !== undefined) {
      where.push('created_at >= ?');
      args.push(filter.fromMs);
    }
    if (filter.beforeMs !== undefined) {
      where.push('created_at < ?');
      args.push(filter.beforeMs);
    }
    if (filter.types) {
      if (filter.types.length === 0) return [];
      where.push(`backup_type IN (${filter.types.map(() => '?').join(', ')})`);
      args.push(...filter.types);
    }
    if (filter.after) {
      where.push('(created_at, arn) > (?, ?)');
      args.push(filter.after.createdAt, filter.after.arn);
    }
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM dynamodb_backups WHERE ${where.join(' AND ')} ORDER BY created_at, arn LIMIT ? + 0`)
      .all(...args, filter.limit) as BackupRow[];
    return rows.map(toBackup);
  }

  /** Deletes a backup and its item copies (inside a write). */
  delete(backup: BackupRecord): void {
    this.db.prepare('DELETE FROM dynamodb_backup_items WHERE backup_id = ?').run(backup.id);
    this.db.prepare('DELETE FROM dynamodb_backups WHERE id = ?').run(backup.id);
  }

  /**
   * Fills a table just created for a restore (inside the same write) with the backup's items:
   * the item rows, the table's counters and every index the table has.
   */
  restoreInto(backup: BackupRecord, table: TableRecord): void {
    const copied = this.db
      .prepare('INSERT INTO dynamodb_items (table_id, bucket, hk, rk, body, expires) SELECT ?, bucket, hk, rk, body, NULL FROM dynamodb_backup_items WHERE backup_id = ?')
      .run(table.id, backup.id);
    // The size was counted with the items in the backup's own write, so it matches the rows copied.
    this.catalog.bump(table.id, 0, copied.changes, backup.sizeBytes);
    for (const index of table.indexes) {
      const counter = this.entries.backfill(table, index);
      this.catalog.bump(table.id, index.id, counter.itemCount, counter.sizeBytes);
    }
  }
}
