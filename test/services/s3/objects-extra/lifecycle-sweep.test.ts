/**
 * The lifecycle sweep run directly (sweepLifecycle) against a Nimbus whose clock the test moves:
 * current and noncurrent expirations, delete markers, aborted uploads, transitions, filters and
 * Object Lock. Times follow AWS's rule: Days count to the next midnight UTC.
 */
import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectRetentionCommand,
  UploadPartCommand,
  type LifecycleRule,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { emptyReport } from '../../../../src/services/s3/lifecycle/report.js';
import { sweepLifecycle } from '../../../../src/services/s3/lifecycle/sweep.js';
import { bucketName, expectS3Error } from '../core/helpers.js';
import { useClockedNimbus } from './helpers.js';

const START = new Date('2030-01-01T10:00:00Z');
const n = useClockedNimbus({ start: START });

/** A fresh bucket (versioned or not) with these lifecycle rules, the clock back at START. */
async function bucketWith(prefix: string, rules: LifecycleRule[], options: { versioned?: boolean; objectLock?: boolean } = {}): Promise<string> {
  const { s3, clock } = n.current;
  clock.set(START);
  const Bucket = bucketName(prefix);
  await s3.send(new CreateBucketCommand({ Bucket, ObjectLockEnabledForBucket: options.objectLock }));
  if (options.versioned && !options.objectLock) await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  await s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket, LifecycleConfiguration: { Rules: rules } }));
  return Bucket;
}

/** Runs the sweep at `iso` (Nimbus's clock is set there too). */
async function sweepAt(iso: string) {
  const { store, clock } = n.current;
  clock.set(new Date(iso));
  return sweepLifecycle(store, clock.now());
}

async function exists(Bucket: string, Key: string): Promise<boolean> {
  try {
    await n.current.s3.send(new HeadObjectCommand({ Bucket, Key }));
    return true;
  } catch (e) {
    if ((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw e;
  }
}

async function versionsOf(Bucket: string): Promise<string[]> {
  const listed = await n.current.s3.send(new ListObjectVersionsCommand({ Bucket }));
  return [...(listed.Versions ?? []).map((v) => `${v.Key}:${v.IsLatest ? 'latest' : 'old'}`), ...(listed.DeleteMarkers ?? []).map((m) => `${m.Key}:marker${m.IsLatest ? ':latest' : ''}`)].sort();
}

describe('lifecycle sweep', () => {
  it('expires current objects of an unversioned bucket at the midnight UTC after Days days, within the rule prefix only', async () => {
    const { s3 } = n.current;
    const b = await bucketWith('lc-expire', [{ ID: 'logs', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 1 } }]);
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'logs/a.txt', Body: 'a' }));
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'data/b.txt', Body: 'b' }));

    // Written 2030-01-01 10:00 UTC; one day later is 01-02 10:00, rounded up to 01-03 00:00.
    expect(await sweepAt('2030-01-02T23:59:59Z')).toEqual(emptyReport());
    expect(await exists(b, 'logs/a.txt')).toBe(true);
    expect(await sweepAt('2030-01-03T00:00:00Z')).toEqual({ ...emptyReport(), currentExpired: 1 });
    expect(await exists(b, 'logs/a.txt')).toBe(false);
    expect(await exists(b, 'data/b.txt')).toBe(true);
    // Nothing left to do: a second sweep changes nothing.
    expect(await sweepAt('2030-01-04T00:00:00Z')).toEqual(emptyReport());
  });

  it('expires on a Date, and leaves disabled rules alone', async () => {
    const { s3 } = n.current;
    const b = await bucketWith('lc-date', [
      { ID: 'on-date', Status: 'Enabled', Filter: { Prefix: 'a' }, Expiration: { Date: new Date('2030-02-01T00:00:00Z') } },
      { ID: 'off', Status: 'Disabled', Filter: { Prefix: 'b' }, Expiration: { Days: 1 } },
    ]);
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'a1', Body: 'a' }));
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'b1', Body: 'b' }));
    await sweepAt('2030-01-31T23:00:00Z');
    expect(await exists(b, 'a1')).toBe(true);
    await sweepAt('2030-02-01T00:00:00Z');
    expect([await exists(b, 'a1'), await exists(b, 'b1')]).toEqual([false, true]);
  });

  it('in a versioned bucket: hides the current version behind a delete marker, expires noncurrent versions, then removes the lone marker', async () => {
    const { s3 } = n.current;
    const b = await bucketWith('lc-versions', [{ ID: 'all', Status: 'Enabled', Filter: {}, Expiration: { Days: 1 }, NoncurrentVersionExpiration: { NoncurrentDays: 1 } }], {
      versioned: true,
    });
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'k', Body: 'v1' }));
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'k', Body: 'v2' }));
    expect(await versionsOf(b)).toEqual(['k:latest', 'k:old']);

    // 01-03 00:00: v2 (written 01-01 10:00) expires; v1 (noncurrent since 01-01 10:00) too.
    expect(await sweepAt('2030-01-03T00:00:00Z')).toEqual({ ...emptyReport(), currentExpired: 1, deleteMarkersAdded: 1, noncurrentExpired: 1 });
    expect(await versionsOf(b)).toEqual(['k:marker:latest', 'k:old']);
    await expectS3Error(s3.send(new GetObjectCommand({ Bucket: b, Key: 'k' })), 'NoSuchKey', 404);

    // v2 became noncurrent when the marker was added (01-03 00:00): it goes at 01-04 00:00, and the
    // marker, now alone and a day old, goes with it.
    expect(await sweepAt('2030-01-03T23:00:00Z')).toEqual(emptyReport());
    expect(await sweepAt('2030-01-04T00:00:00Z')).toEqual({ ...emptyReport(), noncurrentExpired: 1, deleteMarkersRemoved: 1 });
    expect(await versionsOf(b)).toEqual([]);
  });

  it('removes expired object delete markers with ExpiredObjectDeleteMarker, but not markers with versions behind them', async () => {
    const { s3 } = n.current;
    const b = await bucketWith('lc-markers', [{ ID: 'markers', Status: 'Enabled', Filter: {}, Expiration: { ExpiredObjectDeleteMarker: true } }], { versioned: true });
    const lone = (await s3.send(new PutObjectCommand({ Bucket: b, Key: 'lone', Body: 'x' }))).VersionId!;
    await s3.send(new DeleteObjectCommand({ Bucket: b, Key: 'lone' }));
    await s3.send(new DeleteObjectCommand({ Bucket: b, Key: 'lone', VersionId: lone }));
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'kept', Body: 'y' }));
    await s3.send(new DeleteObjectCommand({ Bucket: b, Key: 'kept' }));
    expect(await versionsOf(b)).toEqual(['kept:marker:latest', 'kept:old', 'lone:marker:latest']);
    expect(await sweepAt('2030-01-01T11:00:00Z')).toEqual({ ...emptyReport(), deleteMarkersRemoved: 1 });
    expect(await versionsOf(b)).toEqual(['kept:marker:latest', 'kept:old']);
  });

  it('keeps NewerNoncurrentVersions noncurrent versions', async () => {
    const { s3, clock } = n.current;
    const b = await bucketWith('lc-newer', [{ ID: 'keep2', Status: 'Enabled', Filter: {}, NoncurrentVersionExpiration: { NoncurrentDays: 1, NewerNoncurrentVersions: 2 } }], { versioned: true });
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      clock.set(new Date(START.getTime() + i * 60_000));
      ids.push((await s3.send(new PutObjectCommand({ Bucket: b, Key: 'k', Body: `v${i}` }))).VersionId!);
    }
    expect(await sweepAt('2030-01-03T00:00:00Z')).toEqual({ ...emptyReport(), noncurrentExpired: 2 });
    const left = (await s3.send(new ListObjectVersionsCommand({ Bucket: b }))).Versions!.map((v) => v.VersionId);
    expect(left).toEqual([ids[4], ids[3], ids[2]]);
  });

  it('applies tag, size and And filters', async () => {
    const { s3 } = n.current;
    const b = await bucketWith('lc-filters', [
      { ID: 'temp', Status: 'Enabled', Filter: { Tag: { Key: 'temp', Value: 'yes' } }, Expiration: { Days: 1 } },
      { ID: 'big-logs', Status: 'Enabled', Filter: { And: { Prefix: 'logs/', ObjectSizeGreaterThan: 3 } }, Expiration: { Days: 1 } },
    ]);
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'tagged', Body: 'x', Tagging: 'temp=yes' }));
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'other-tag', Body: 'x', Tagging: 'temp=no' }));
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'logs/big', Body: 'long enough' }));
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'logs/small', Body: 'abc' }));
    expect(await sweepAt('2030-01-03T00:00:00Z')).toEqual({ ...emptyReport(), currentExpired: 2 });
    expect(await Promise.all(['tagged', 'other-tag', 'logs/big', 'logs/small'].map((k) => exists(b, k)))).toEqual([false, true, false, true]);
  });

  it('aborts incomplete multipart uploads DaysAfterInitiation days after they started', async () => {
    const { s3 } = n.current;
    const b = await bucketWith('lc-uploads', [{ ID: 'abort', Status: 'Enabled', Filter: { Prefix: 'tmp/' }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 2 } }]);
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: b, Key: 'tmp/big' }));
    await s3.send(new UploadPartCommand({ Bucket: b, Key: 'tmp/big', UploadId, PartNumber: 1, Body: 'part one' }));
    await s3.send(new CreateMultipartUploadCommand({ Bucket: b, Key: 'keep/big' }));
    expect(await sweepAt('2030-01-03T23:59:00Z')).toEqual(emptyReport());
    expect(await sweepAt('2030-01-04T00:00:00Z')).toEqual({ ...emptyReport(), uploadsAborted: 1 });
    const listed = await s3.send(new ListMultipartUploadsCommand({ Bucket: b }));
    expect(listed.Uploads?.map((u) => u.Key)).toEqual(['keep/big']);
  });

  it('moves objects down the storage classes with transitions, leaving small objects where they are', async () => {
    const { s3 } = n.current;
    const b = await bucketWith('lc-transition', [
      { ID: 'cool', Status: 'Enabled', Filter: {}, Transitions: [{ Days: 30, StorageClass: 'STANDARD_IA' }, { Days: 60, StorageClass: 'GLACIER' }] },
    ]);
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'large', Body: Buffer.alloc(128 * 1024, 'x') }));
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'small', Body: 'tiny' }));
    expect(await sweepAt('2030-02-01T00:00:00Z')).toEqual({ ...emptyReport(), transitioned: 1 });
    expect((await s3.send(new HeadObjectCommand({ Bucket: b, Key: 'large' }))).StorageClass).toBe('STANDARD_IA');
    expect(await sweepAt('2030-03-03T00:00:00Z')).toEqual({ ...emptyReport(), transitioned: 1 });
    expect((await s3.send(new HeadObjectCommand({ Bucket: b, Key: 'large' }))).StorageClass).toBe('GLACIER');
    expect((await s3.send(new HeadObjectCommand({ Bucket: b, Key: 'small' }))).StorageClass).toBeUndefined();
    await expectS3Error(s3.send(new GetObjectCommand({ Bucket: b, Key: 'large' })), 'InvalidObjectState', 403);
  });

  it('never deletes a version Object Lock protects', async () => {
    const { s3, clock } = n.current;
    const b = await bucketWith('lc-locked', [{ ID: 'nc', Status: 'Enabled', Filter: {}, NoncurrentVersionExpiration: { NoncurrentDays: 1 } }], { objectLock: true });
    const v1 = (await s3.send(new PutObjectCommand({ Bucket: b, Key: 'k', Body: 'v1' }))).VersionId!;
    await s3.send(new PutObjectRetentionCommand({ Bucket: b, Key: 'k', VersionId: v1, Retention: { Mode: 'COMPLIANCE', RetainUntilDate: new Date('2030-01-10T00:00:00Z') } }));
    clock.set(new Date('2030-01-01T11:00:00Z'));
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'k', Body: 'v2' }));
    expect(await sweepAt('2030-01-05T00:00:00Z')).toEqual({ ...emptyReport(), lockedSkipped: 1 });
    expect(await versionsOf(b)).toEqual(['k:latest', 'k:old']);
    expect(await sweepAt('2030-01-10T00:00:00Z')).toEqual({ ...emptyReport(), noncurrentExpired: 1 });
    expect(await versionsOf(b)).toEqual(['k:latest']);
  });

  it('leaves buckets without a lifecycle configuration alone', async () => {
    const { s3, clock } = n.current;
    clock.set(START);
    const b = bucketName('lc-none');
    await s3.send(new CreateBucketCommand({ Bucket: b }));
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'k', Body: 'x' }));
    await sweepAt('2040-01-01T00:00:00Z');
    expect(await exists(b, 'k')).toBe(true);
  });
});
