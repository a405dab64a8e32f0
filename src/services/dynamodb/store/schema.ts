/**
 * DynamoDB's tables (namespace `dynamodb`).
 *
 * - `dynamodb_tables`: the catalog. One row per table, scoped by account and region; the table's
 *   whole definition (keys, indexes, billing, stream, TTL, tags …) is one JSON document
 *   (domain/table-model.ts). `id` only grows, so a table deleted and created again never sees
 *   its predecessor's rows.
 * - `dynamodb_indexes`: allocates the id under which an index's entries are stored (never reused,
 *   so a GSI deleted and created again under the same name starts empty).
 * - `dynamodb_counters`: ItemCount and TableSizeBytes of a table (index_id 0) and of each index,
 *   kept exact by every write in the same transaction. A narrow row of its own, so a hot write
 *   does not rewrite the catalog's JSON.
 * - `dynamodb_items`: every item. Key columns are the order-preserving encodings of the key
 *   values (domain/values `encodeKeyValue`), so BLOB comparison (memcmp) is DynamoDB's key order;
 *   `rk` is the empty blob for tables without a sort key. `bucket` is a 32-bit hash of `hk`
 *   (store/partition-hash.ts) and leads the key, which gives Scan DynamoDB's hash order and lets
 *   a parallel Scan segment read one contiguous bucket range. A Query fixes (bucket, hk), so it is
 *   one B-tree range. `expires` is the TTL attribute's epoch seconds, set only while the table
 *   has TTL enabled; a partial index finds expired items without a scan.
 * - `dynamodb_index_entries`: one row per item present in an LSI or GSI (sparse: items without
 *   the index's key attributes have none). Ordered like items within the index key, then by the
 *   table key (GSI keys are not unique). `tbucket` locates the base item, which queries join to:
 *   indexes store no copy of the item (see README.md, "Index storage").
 * - `dynamodb_streams` / `dynamodb_stream_records`: every stream a table has had (a re-enabled
 *   stream is a new stream with a new label) and its change records, ordered by `seq`.
 * - `dynamodb_transaction_tokens` (version 2): the ClientRequestTokens of successful transactions,
 *   per account and region, with a fingerprint of the request and an optional stored answer, kept
 *   until `expires_at` (epoch ms, 10 minutes after the transaction). Written in the transaction's
 *   own write, so a token exists exactly when its transaction committed; reads ignore expired
 *   rows and the sweep purges them (store/sweeps.ts).
 * - `dynamodb_backups` / `dynamodb_backup_items` (version 3): on-demand backups, per account and
 *   region: the source table's definition (JSON) and counters when the backup was taken, and a
 *   copy of its item rows (same key columns as `dynamodb_items`). Listed in creation order, then
 *   by ARN (store/backups.ts). Independent of the table: DeleteTable leaves them.
 */
import type { Migration } from '../../../storage/index.js';

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'DynamoDB tables, items, secondary index entries, counters, streams and stream records',
    sql: `
      CREATE TABLE dynamodb_tables (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL,
        definition TEXT NOT NULL,
        UNIQUE (account_id, region, name)
      );
      CREATE TABLE dynamodb_indexes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        table_id INTEGER NOT NULL, name TEXT NOT NULL
      );
      CREATE TABLE dynamodb_counters (
        table_id INTEGER NOT NULL, index_id INTEGER NOT NULL,
        item_count INTEGER NOT NULL, size_bytes INTEGER NOT NULL,
        PRIMARY KEY (table_id, index_id)
      ) WITHOUT ROWID;
      CREATE TABLE dynamodb_items (
        table_id INTEGER NOT NULL, bucket INTEGER NOT NULL, hk BLOB NOT NULL, rk BLOB NOT NULL,
        body BLOB NOT NULL, expires INTEGER,
        PRIMARY KEY (table_id, bucket, hk, rk)
      ) WITHOUT ROWID;
      CREATE INDEX dynamodb_items_expiry ON dynamodb_items (table_id, expires) WHERE expires IS NOT NULL;
      CREATE TABLE dynamodb_index_entries (
        index_id INTEGER NOT NULL, bucket INTEGER NOT NULL, ihk BLOB NOT NULL, irk BLOB NOT NULL,
        hk BLOB NOT NULL, rk BLOB NOT NULL, tbucket INTEGER NOT NULL,
        PRIMARY KEY (index_id, bucket, ihk, irk, hk, rk)
      ) WITHOUT ROWID;
      CREATE TABLE dynamodb_streams (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL, region TEXT NOT NULL, table_name TEXT NOT NULL, table_id INTEGER NOT NULL,
        arn TEXT NOT NULL UNIQUE, label TEXT NOT NULL, view_type TEXT NOT NULL, key_schema TEXT NOT NULL,
        created_at INTEGER NOT NULL, closed_at INTEGER
      );
      CREATE INDEX dynamodb_streams_by_table ON dynamodb_streams (account_id, region, table_name, id);
      CREATE TABLE dynamodb_stream_records (
        stream_id INTEGER NOT NULL, seq INTEGER NOT NULL, created_at INTEGER NOT NULL,
        event_name TEXT NOT NULL, event_id TEXT NOT NULL, by_service INTEGER NOT NULL,
        keys BLOB NOT NULL, new_image BLOB, old_image BLOB, size_bytes INTEGER NOT NULL,
        PRIMARY KEY (stream_id, seq)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    description: 'DynamoDB ClientRequestToken records of TransactWriteItems and ExecuteTransaction (10-minute idempotency window)',
    sql: `
      CREATE TABLE dynamodb_transaction_tokens (
        account_id TEXT NOT NULL, region TEXT NOT NULL, token TEXT NOT NULL,
        fingerprint TEXT NOT NULL, result TEXT, expires_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, region, token)
      ) WITHOUT ROWID;
      CREATE INDEX dynamodb_transaction_tokens_expiry ON dynamodb_transaction_tokens (expires_at);
    `,
  },
  {
    version: 3,
    description: 'DynamoDB on-demand backups (CreateBackup … RestoreTableFromBackup): catalog rows and item copies',
    sql: `
      CREATE TABLE dynamodb_backups (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL, region TEXT NOT NULL, arn TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL, backup_type TEXT NOT NULL, created_at INTEGER NOT NULL,
        item_count INTEGER NOT NULL, size_bytes INTEGER NOT NULL,
        table_name TEXT NOT NULL, definition TEXT NOT NULL
      );
      CREATE INDEX dynamodb_backups_by_time ON dynamodb_backups (account_id, region, created_at, arn);
      CREATE TABLE dynamodb_backup_items (
        backup_id INTEGER NOT NULL, bucket INTEGER NOT NULL, hk BLOB NOT NULL, rk BLOB NOT NULL,
        body BLOB NOT NULL,
        PRIMARY KEY (backup_id, bucket, hk, rk)
      ) WITHOUT ROWID;
    `,
  },
];
