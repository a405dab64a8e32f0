/**
 * The listing queries must walk indexes, never scan the table or sort: that is what keeps a page
 * of a million-key bucket about as cheap as one of a thousand-key bucket (see the README's
 * measurement). Checked with SQLite's query planner on the statements the store really runs.
 */
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../src/storage/database.js';
import { migrations } from '../../../../src/services/s3/store.js';
import { ObjectTable } from '../../../../src/services/s3/store/objects.js';
import type { Bucket } from '../../../../src/services/s3/store/buckets.js';

function setup(): { db: Database; objects: ObjectTable; seen: string[]; bucket: Bucket } {
  const db = new Database();
  db.migrate('s3', migrations);
  const seen: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = (sql: string) => {
    seen.push(sql);
    return prepare(sql);
  };
  const bucket: Bucket = { name: 'b', id: 1, accountId: '000000000000', region: 'us-east-1', createdAt: new Date(0), versioning: 'Enabled', mfaDelete: undefined, objectLockEnabled: false };
  const objects = new ObjectTable(db);
  db.sqlite.transaction(() => {
    for (const key of ['a/1', 'a/2', 'b', 'c/1']) {
      for (let v = 0; v < 3; v++) {
        objects.put(bucket, key, { lastModified: new Date(0), size: 1, etag: 'e', storageClass: 'STANDARD', ownerAccountId: '000000000000', blobId: undefined, partsCount: undefined, checksum: undefined, attributes: {} });
      }
    }
  })();
  seen.length = 0;
  return { db, objects, seen, bucket };
}

function plan(db: Database, sql: string): string {
  const params = (sql.match(/\?/g) ?? []).map(() => 'x');
  return (db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
}

describe('S3 listing query plans', () => {
  it('current-object scans use the partial index, with no sort and no table scan', () => {
    const { db, objects, seen, bucket } = setup();
    const keys = [...objects.scanCurrentKeys(bucket, { key: '', inclusive: true })].map((k) => k.key);
    expect(keys).toEqual(['a/1', 'a/2', 'b', 'c/1']);
    expect([...objects.scanCurrentKeys(bucket, { pastPrefix: 'a/' })].map((k) => k.key)).toEqual(['b', 'c/1']);
    expect(seen.length).toBeGreaterThan(0);
    for (const sql of new Set(seen)) {
      const p = plan(db, sql);
      expect(p).toMatch(/USING COVERING INDEX s3_objects_current/);
      expect(p).not.toMatch(/TEMP B-TREE|SCAN s3_objects/);
    }
  });

  it('version scans use the (bucket, key, id DESC) index, with no sort', () => {
    const { db, objects, seen, bucket } = setup();
    const versions = [...objects.scanVersionKeys(bucket, { key: '', inclusive: true })];
    expect(versions).toHaveLength(12);
    expect(versions.map((v) => v.key)).toEqual(['a/1', 'a/1', 'a/1', 'a/2', 'a/2', 'a/2', 'b', 'b', 'b', 'c/1', 'c/1', 'c/1']);
    // Newest first within a key.
    expect(versions[0]!.id).toBeGreaterThan(versions[1]!.id);
    for (const sql of new Set(seen)) {
      const p = plan(db, sql);
      expect(p).toMatch(/INDEX s3_objects_by_key/);
      expect(p).not.toMatch(/TEMP B-TREE|SCAN s3_objects/);
    }
  });
});
