/**
 * S3's tables. Bucket names are global (one namespace across accounts and regions, as in AWS);
 * every other row hangs off a bucket's numeric id, so a bucket deleted and created again never
 * sees its predecessor's rows. Migration 1 holds buckets and their configuration documents;
 * objects, versions and multipart uploads come in later migrations (store/objects.ts).
 */
import type { Migration } from '../../../storage/index.js';

export const bucketMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'S3 buckets and their configuration subresources (one JSON document per kind)',
    sql: `
      CREATE TABLE s3_buckets (
        name TEXT PRIMARY KEY, id INTEGER NOT NULL UNIQUE,
        account_id TEXT NOT NULL, region TEXT NOT NULL, created_at INTEGER NOT NULL,
        versioning TEXT, mfa_delete TEXT, object_lock_enabled INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
      CREATE INDEX s3_buckets_by_account ON s3_buckets (account_id, name);
      CREATE TABLE s3_bucket_configs (
        bucket_id INTEGER NOT NULL, kind TEXT NOT NULL, document TEXT NOT NULL,
        PRIMARY KEY (bucket_id, kind)
      ) WITHOUT ROWID;
      CREATE TABLE s3_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
    `,
  },
];
