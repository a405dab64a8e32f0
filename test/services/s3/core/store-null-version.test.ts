/**
 * Replacing the null version (ObjectTable.write): when it is the key's latest version its row is
 * rewritten in place, otherwise it is removed and a new latest row added. Either way the key keeps
 * one latest version, versions stay newest-first, replaced blobs and parts are handed back, and
 * the index of current objects follows delete markers.
 */
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../src/storage/database.js';
import { migrations } from '../../../../src/services/s3/store.js';
import { ObjectTable } from '../../../../src/services/s3/store/objects.js';
import type { NewObject } from '../../../../src/services/s3/store/object-records.js';
import type { Bucket, VersioningStatus } from '../../../../src/services/s3/store/buckets.js';

const BLOB_A = '00000000-0000-4000-8000-00000000000a';
const BLOB_B = '00000000-0000-4000-8000-00000000000b';
const PART_1 = '00000000-0000-4000-8000-000000000001';

function setup(versioning: VersioningStatus | undefined) {
  const db = new Database();
  db.migrate('s3', migrations);
  const bucket: Bucket = { name: 'b', id: 1, accountId: '000000000000', region: 'us-east-1', createdAt: new Date(0), versioning, mfaDelete: undefined, objectLockEnabled: false };
  const objects = new ObjectTable(db);
  const inTx = <T>(fn: () => T): T => db.sqlite.transaction(fn)();
  const rows = () => db.sqlite.prepare('SELECT id, version_id, is_latest, delete_marker, etag FROM s3_objects ORDER BY id').raw(true).all();
  const currentKeys = () => [...objects.scanCurrentKeys(bucket, { key: '', inclusive: true })].map((k) => k.key);
  const versionIds = (key: string) => [...objects.scanVersions(bucket, { key: '', inclusive: true })].filter((r) => r.key === key).map((r) => r.versionId);
  return { db, bucket, objects, inTx, rows, currentKeys, versionIds };
}

const object = (etag: string, extra: Partial<NewObject> = {}): NewObject => ({
  lastModified: new Date(0), size: 1, etag, storageClass: 'STANDARD', ownerAccountId: '000000000000',
  blobId: undefined, partsCount: undefined, checksum: undefined, attributes: {}, ...extra,
});

describe('replacing the null version', () => {
  it('rewrites the only version of an unversioned key in place and hands back the blob it held', () => {
    const { bucket, objects, inTx, rows } = setup(undefined);
    const first = inTx(() => objects.put(bucket, 'k', object('e1', { blobId: BLOB_A })));
    const second = inTx(() => objects.put(bucket, 'k', object('e2', { inlineBody: Buffer.from('x'), attributes: { ContentType: 'text/plain' } })));
    expect(second.record.id).toBe(first.record.id);
    expect(second.garbage).toEqual([BLOB_A]);
    expect(rows()).toEqual([[first.record.id, 'null', 1, 0, 'e2']]);
    const current = objects.current(bucket, 'k', true)!;
    expect(current.etag).toBe('e2');
    expect(current.blobId).toBeUndefined();
    expect(current.attributes).toEqual({ ContentType: 'text/plain' });
    expect(objects.inlineBody(current).toString()).toBe('x');
  });

  it('drops the parts of a multipart null version it replaces, and keeps the parts of a new one', () => {
    const { bucket, objects, inTx } = setup(undefined);
    const multipart = inTx(() => objects.put(bucket, 'k', object('m-1', { partsCount: 1 }), [{ partNumber: 1, blobId: PART_1, size: 1, etag: 'p', checksum: undefined }]));
    expect(objects.parts(multipart.record)).toHaveLength(1);
    const plain = inTx(() => objects.put(bucket, 'k', object('e', { blobId: BLOB_B })));
    expect(plain.garbage).toEqual([PART_1]);
    expect(objects.parts({ ...plain.record, partsCount: 1 })).toEqual([]);
    const again = inTx(() => objects.put(bucket, 'k', object('m-1', { partsCount: 1 }), [{ partNumber: 3, blobId: PART_1, size: 1, etag: 'p', checksum: undefined }]));
    expect(again.garbage).toEqual([BLOB_B]);
    expect(objects.parts(again.record).map((p) => p.partNumber)).toEqual([3]);
  });

  it('with versioning suspended: a delete marker over the latest null version hides the key, an object shows it again', () => {
    const { bucket, objects, inTx, currentKeys, versionIds, rows } = setup('Suspended');
    inTx(() => objects.put(bucket, 'k', object('e1')));
    const marker = inTx(() => objects.putDeleteMarker(bucket, 'k', '000000000000', new Date(0)));
    expect(marker.record.deleteMarker).toBe(true);
    expect(currentKeys()).toEqual([]);
    expect(objects.current(bucket, 'k')?.deleteMarker).toBe(true);
    inTx(() => objects.put(bucket, 'k', object('e3')));
    expect(currentKeys()).toEqual(['k']);
    expect(versionIds('k')).toEqual(['null']);
    expect(rows()).toHaveLength(1);
  });

  it('with versioning suspended: a null version older than the latest is replaced by a new newest row', () => {
    const { bucket, objects, inTx, versionIds, rows } = setup('Suspended');
    const oldNull = inTx(() => objects.put(bucket, 'k', object('n1')));
    bucket.versioning = 'Enabled';
    const v2 = inTx(() => objects.put(bucket, 'k', object('v2')));
    bucket.versioning = 'Suspended';
    const newNull = inTx(() => objects.put(bucket, 'k', object('n3')));
    expect(newNull.record.id).toBeGreaterThan(v2.record.id);
    expect(versionIds('k')).toEqual(['null', v2.record.versionId]);
    expect(rows().map((r) => (r as unknown[]).slice(1))).toEqual([
      [v2.record.versionId, 0, 0, 'v2'],
      ['null', 1, 0, 'n3'],
    ]);
    expect(oldNull.record.id).toBeLessThan(v2.record.id);
    // Now the null version is the latest: the next one rewrites it where it stands.
    const newest = inTx(() => objects.put(bucket, 'k', object('n4')));
    expect(newest.record.id).toBe(newNull.record.id);
    expect(versionIds('k')).toEqual(['null', v2.record.versionId]);
    expect(objects.current(bucket, 'k')?.etag).toBe('n4');
  });
});
