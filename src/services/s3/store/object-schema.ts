/**
 * Objects, their versions and multipart uploads (migration 2).
 *
 * `s3_objects` holds one row per version: the null version of an unversioned bucket, every
 * version of a versioned one, and delete markers. `id` only grows (AUTOINCREMENT), so within a
 * key a higher id is a newer version. (A null version that is its key's latest is rewritten in
 * place when replaced: it already holds the key's highest id.) Keys are TEXT compared with
 * SQLite's BINARY collation, which is memcmp over UTF-8: S3's listing order.
 *
 * Indexes:
 * - `s3_objects_version` finds one version;
 * - `s3_objects_by_key` lists versions (key ascending, newest first);
 * - `s3_objects_current` is partial over current, non-delete-marker rows: ListObjects walks it
 *   and seeks past a whole common prefix with one probe, so listing cost does not grow with the
 *   number of keys under other prefixes.
 *
 * Blob ids: an object's bytes are one blob (`blob_id`) or, for a completed multipart upload, one
 * blob per part (`s3_object_parts`). Each blob belongs to exactly one row. Small bodies (see
 * INLINE_BODY_MAX) live in the row itself (`body`, migration 3) instead: written in the same
 * transaction as the row, so durable with it, and gone with it.
 */
import type { Migration } from '../../../storage/index.js';

export const objectMigrations: readonly Migration[] = [
  {
    version: 2,
    description: 'S3 objects (every version and delete marker), their multipart parts, and multipart uploads in progress',
    sql: `
      CREATE TABLE s3_objects (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        bucket_id INTEGER NOT NULL, key TEXT NOT NULL, version_id TEXT NOT NULL,
        is_latest INTEGER NOT NULL, delete_marker INTEGER NOT NULL,
        last_modified INTEGER NOT NULL, size INTEGER NOT NULL, etag TEXT NOT NULL,
        storage_class TEXT NOT NULL, owner_account TEXT NOT NULL,
        blob_id TEXT, parts_count INTEGER,
        checksum_algorithm TEXT, checksum_type TEXT, checksum_value TEXT,
        attributes TEXT NOT NULL
      );
      CREATE UNIQUE INDEX s3_objects_version ON s3_objects (bucket_id, key, version_id);
      CREATE INDEX s3_objects_by_key ON s3_objects (bucket_id, key, id DESC);
      CREATE INDEX s3_objects_current ON s3_objects (bucket_id, key) WHERE is_latest = 1 AND delete_marker = 0;
      CREATE TABLE s3_object_parts (
        object_id INTEGER NOT NULL REFERENCES s3_objects (id) ON DELETE CASCADE,
        part_index INTEGER NOT NULL, part_number INTEGER NOT NULL,
        blob_id TEXT NOT NULL, size INTEGER NOT NULL, etag TEXT NOT NULL, checksum_value TEXT,
        PRIMARY KEY (object_id, part_index)
      ) WITHOUT ROWID;
      CREATE TABLE s3_uploads (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        upload_id TEXT NOT NULL UNIQUE,
        bucket_id INTEGER NOT NULL, key TEXT NOT NULL, initiated INTEGER NOT NULL,
        owner_account TEXT NOT NULL, initiator_arn TEXT NOT NULL, storage_class TEXT NOT NULL,
        checksum_algorithm TEXT, checksum_type TEXT,
        attributes TEXT NOT NULL
      );
      CREATE INDEX s3_uploads_by_key ON s3_uploads (bucket_id, key, id);
      CREATE TABLE s3_upload_parts (
        upload_id TEXT NOT NULL REFERENCES s3_uploads (upload_id) ON DELETE CASCADE,
        part_number INTEGER NOT NULL, blob_id TEXT NOT NULL, size INTEGER NOT NULL, etag TEXT NOT NULL,
        last_modified INTEGER NOT NULL, checksum_algorithm TEXT, checksum_value TEXT,
        PRIMARY KEY (upload_id, part_number)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    description: 'Small object bodies stored in their version row (one group-committed fsync per PUT, one row read per GET)',
    sql: `ALTER TABLE s3_objects ADD COLUMN body BLOB;`,
  },
];
