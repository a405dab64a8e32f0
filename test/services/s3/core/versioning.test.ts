import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { raw, sigV4Header } from '../../../helpers/http.js';
import { bodyText, bucketName, expectS3Error, s3Client } from './helpers.js';

const nimbus = useNimbus();

async function versionedBucket(s3: S3Client, status: 'Enabled' | 'Suspended' | 'never' = 'Enabled'): Promise<string> {
  const name = bucketName('ver');
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  if (status !== 'never') await s3.send(new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: status } }));
  return name;
}

async function text(s3: S3Client, Bucket: string, Key: string, VersionId?: string): Promise<string> {
  return bodyText((await s3.send(new GetObjectCommand({ Bucket, Key, VersionId }))).Body);
}

describe('S3 versioning', () => {
  it('GetBucketVersioning: nothing until configured, then Status (and MFADelete once set)', async () => {
    const s3 = s3Client(nimbus);
    const name = await versionedBucket(s3, 'never');
    const never = await s3.send(new GetBucketVersioningCommand({ Bucket: name }));
    expect(never.Status).toBeUndefined();
    expect(never.MFADelete).toBeUndefined();
    await s3.send(new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: 'Enabled' } }));
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: name }))).Status).toBe('Enabled');
    await s3.send(new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: 'Suspended', MFADelete: 'Disabled' } }));
    expect(await s3.send(new GetBucketVersioningCommand({ Bucket: name }))).toMatchObject({ Status: 'Suspended', MFADelete: 'Disabled' });
    await expectS3Error(s3.send(new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: 'On' as never } })), 'MalformedXML', 400);
    await expectS3Error(s3.send(new GetBucketVersioningCommand({ Bucket: bucketName() })), 'NoSuchBucket', 404);
  });

  it('keeps every version; GET by versionId; delete markers hide the key', async () => {
    const s3 = s3Client(nimbus);
    const b = await versionedBucket(s3);
    const v1 = (await s3.send(new PutObjectCommand({ Bucket: b, Key: 'k', Body: 'one' }))).VersionId!;
    const v2 = (await s3.send(new PutObjectCommand({ Bucket: b, Key: 'k', Body: 'two' }))).VersionId!;
    expect(v1).toMatch(/^[A-Za-z0-9._]{32}$/);
    expect(v2).not.toBe(v1);
    expect(await text(s3, b, 'k')).toBe('two');
    expect(await text(s3, b, 'k', v1)).toBe('one');
    const head = await s3.send(new HeadObjectCommand({ Bucket: b, Key: 'k', VersionId: v1 }));
    expect(head.VersionId).toBe(v1);

    const del = await s3.send(new DeleteObjectCommand({ Bucket: b, Key: 'k' }));
    expect(del.DeleteMarker).toBe(true);
    const marker = del.VersionId!;
    expect(marker).toMatch(/^[A-Za-z0-9._]{32}$/);
    const e = await expectS3Error(s3.send(new GetObjectCommand({ Bucket: b, Key: 'k' })), 'NoSuchKey', 404);
    expect(e.$response?.headers?.['x-amz-delete-marker']).toBe('true');
    expect(e.$response?.headers?.['x-amz-version-id']).toBe(marker);
    await expectS3Error(s3.send(new GetObjectCommand({ Bucket: b, Key: 'k', VersionId: marker })), 'MethodNotAllowed', 405, 'The specified method is not allowed against this resource.');
    const wire = await raw(nimbus.current.endpoint, { path: `/${b}/k?versionId=${marker}`, headers: { authorization: sigV4Header('s3') } });
    expect(wire.status).toBe(405);
    expect(wire.headers['x-amz-delete-marker']).toBe('true');
    expect(wire.headers.allow).toBe('DELETE');
    expect(await text(s3, b, 'k', v2)).toBe('two');
    await expectS3Error(s3.send(new GetObjectCommand({ Bucket: b, Key: 'k', VersionId: 'A'.repeat(32) })), 'NoSuchVersion', 404, 'The specified version does not exist.');
    await expectS3Error(s3.send(new GetObjectCommand({ Bucket: b, Key: 'k', VersionId: 'bad id' })), 'InvalidArgument', 400, 'Invalid version id specified');
    expect((await s3.send(new ListObjectsV2Command({ Bucket: b }))).KeyCount).toBe(0);

    // Removing the delete marker by its version id brings the key back.
    const undo = await s3.send(new DeleteObjectCommand({ Bucket: b, Key: 'k', VersionId: marker }));
    expect(undo).toMatchObject({ DeleteMarker: true, VersionId: marker });
    expect(await text(s3, b, 'k')).toBe('two');
    // Deleting the latest version makes the previous one current.
    await s3.send(new DeleteObjectCommand({ Bucket: b, Key: 'k', VersionId: v2 }));
    expect(await text(s3, b, 'k')).toBe('one');
    expect((await s3.send(new HeadObjectCommand({ Bucket: b, Key: 'k' }))).VersionId).toBe(v1);
    // A version id that does not exist is no error.
    const nothing = await s3.send(new DeleteObjectCommand({ Bucket: b, Key: 'k', VersionId: 'B'.repeat(32) }));
    expect(nothing.$metadata.httpStatusCode).toBe(204);
  });

  it('suspended versioning writes and deletes the null version, keeping older versions', async () => {
    const s3 = s3Client(nimbus);
    const b = await versionedBucket(s3);
    const v1 = (await s3.send(new PutObjectCommand({ Bucket: b, Key: 'k', Body: 'enabled' }))).VersionId!;
    await s3.send(new PutBucketVersioningCommand({ Bucket: b, VersioningConfiguration: { Status: 'Suspended' } }));
    const p1 = await s3.send(new PutObjectCommand({ Bucket: b, Key: 'k', Body: 'null-1' }));
    expect(p1.VersionId).toBe('null');
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'k', Body: 'null-2' }));
    expect(await text(s3, b, 'k', 'null')).toBe('null-2');
    expect(await text(s3, b, 'k', v1)).toBe('enabled');
    let versions = await s3.send(new ListObjectVersionsCommand({ Bucket: b }));
    expect(versions.Versions!.map((v) => [v.VersionId, v.IsLatest])).toEqual([
      ['null', true],
      [v1, false],
    ]);
    const del = await s3.send(new DeleteObjectCommand({ Bucket: b, Key: 'k' }));
    expect(del).toMatchObject({ DeleteMarker: true, VersionId: 'null' });
    versions = await s3.send(new ListObjectVersionsCommand({ Bucket: b }));
    expect(versions.Versions!.map((v) => v.VersionId)).toEqual([v1]);
    expect(versions.DeleteMarkers!.map((m) => [m.VersionId, m.IsLatest])).toEqual([['null', true]]);
  });

  it('objects written before versioning are the null version', async () => {
    const s3 = s3Client(nimbus);
    const b = await versionedBucket(s3, 'never');
    const put = await s3.send(new PutObjectCommand({ Bucket: b, Key: 'old', Body: 'before' }));
    expect(put.VersionId).toBeUndefined();
    await s3.send(new PutBucketVersioningCommand({ Bucket: b, VersioningConfiguration: { Status: 'Enabled' } }));
    const v = (await s3.send(new PutObjectCommand({ Bucket: b, Key: 'old', Body: 'after' }))).VersionId!;
    expect(await text(s3, b, 'old', 'null')).toBe('before');
    expect((await s3.send(new HeadObjectCommand({ Bucket: b, Key: 'old', VersionId: 'null' }))).VersionId).toBe('null');
    expect((await s3.send(new HeadObjectCommand({ Bucket: b, Key: 'old' }))).VersionId).toBe(v);
  });

  it('ListObjectVersions orders by key then newest first, and pages with KeyMarker/VersionIdMarker', async () => {
    const s3 = s3Client(nimbus);
    const b = await versionedBucket(s3);
    const expected: [string, string, boolean, boolean][] = [];
    for (const key of ['b', 'a', 'c/x', 'c/y']) {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await s3.send(new PutObjectCommand({ Bucket: b, Key: key, Body: `${key}${i}` }))).VersionId!);
      if (key === 'b') ids.push((await s3.send(new DeleteObjectCommand({ Bucket: b, Key: key }))).VersionId!);
      ids.reverse().forEach((id, i) => expected.push([key, id, i === 0, key === 'b' && i === 0]));
    }
    expected.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    // Whole listing, merged from Versions and DeleteMarkers.
    const all = await s3.send(new ListObjectVersionsCommand({ Bucket: b }));
    expect(all.Versions!.length + all.DeleteMarkers!.length).toBe(expected.length);
    // Paged two at a time.
    const seen: [string, string, boolean, boolean][] = [];
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    for (;;) {
      const page = await s3.send(new ListObjectVersionsCommand({ Bucket: b, MaxKeys: 2, KeyMarker: keyMarker, VersionIdMarker: versionMarker }));
      const entries = [
        ...(page.Versions ?? []).map((v) => [v.Key!, v.VersionId!, v.IsLatest!, false, v.LastModified!] as const),
        ...(page.DeleteMarkers ?? []).map((m) => [m.Key!, m.VersionId!, m.IsLatest!, true, m.LastModified!] as const),
      ];
      // Within a page, restore S3's order (key, then newest first) from the two lists.
      const order = new Map(expected.map((e, i) => [e[1], i]));
      entries.sort((x, y) => order.get(x[1])! - order.get(y[1])!);
      seen.push(...entries.map((e) => [e[0], e[1], e[2], e[3]] as [string, string, boolean, boolean]));
      if (!page.IsTruncated) break;
      keyMarker = page.NextKeyMarker;
      versionMarker = page.NextVersionIdMarker;
    }
    expect(seen).toEqual(expected);
    // With a delimiter, c/ rolls up.
    const grouped = await s3.send(new ListObjectVersionsCommand({ Bucket: b, Delimiter: '/' }));
    expect(grouped.CommonPrefixes!.map((p) => p.Prefix)).toEqual(['c/']);
    expect(new Set(grouped.Versions!.map((v) => v.Key))).toEqual(new Set(['a', 'b']));
    await expectS3Error(s3.send(new ListObjectVersionsCommand({ Bucket: b, VersionIdMarker: expected[0]![1] })), 'InvalidArgument', 400, 'A version-id marker cannot be specified without a key marker.');
  });

  it('DeleteBucket counts versions and delete markers', async () => {
    const s3 = s3Client(nimbus);
    const b = await versionedBucket(s3);
    const v = (await s3.send(new PutObjectCommand({ Bucket: b, Key: 'k', Body: 'x' }))).VersionId!;
    const m = (await s3.send(new DeleteObjectCommand({ Bucket: b, Key: 'k' }))).VersionId!;
    await expectS3Error(s3.send(new DeleteBucketCommand({ Bucket: b })), 'BucketNotEmpty', 409);
    await s3.send(new DeleteObjectCommand({ Bucket: b, Key: 'k', VersionId: v }));
    await expectS3Error(s3.send(new DeleteBucketCommand({ Bucket: b })), 'BucketNotEmpty', 409);
    await s3.send(new DeleteObjectCommand({ Bucket: b, Key: 'k', VersionId: m }));
    await s3.send(new DeleteBucketCommand({ Bucket: b }));
  });

  it('DeleteObjects: keys and versions, per-key errors, Quiet mode, 1000-key limit', async () => {
    const s3 = s3Client(nimbus);
    const b = await versionedBucket(s3);
    const v = (await s3.send(new PutObjectCommand({ Bucket: b, Key: 'x', Body: '1' }))).VersionId!;
    await s3.send(new PutObjectCommand({ Bucket: b, Key: 'y', Body: '2' }));
    const out = await s3.send(
      new DeleteObjectsCommand({ Bucket: b, Delete: { Objects: [{ Key: 'x', VersionId: v }, { Key: 'y' }, { Key: 'never' }, { Key: 'z', VersionId: 'not a version' }] } }),
    );
    expect(out.Deleted!.find((d) => d.Key === 'x')).toMatchObject({ Key: 'x', VersionId: v });
    const y = out.Deleted!.find((d) => d.Key === 'y')!;
    expect(y.DeleteMarker).toBe(true);
    expect(y.DeleteMarkerVersionId).toMatch(/^[A-Za-z0-9._]{32}$/);
    expect(out.Deleted!.map((d) => d.Key)).toContain('never');
    expect(out.Errors).toEqual([{ Key: 'z', VersionId: 'not a version', Code: 'InvalidArgument', Message: 'Invalid version id specified' }]);
    await expectS3Error(s3.send(new GetObjectCommand({ Bucket: b, Key: 'x', VersionId: v })), 'NoSuchVersion', 404);
    const quiet = await s3.send(new DeleteObjectsCommand({ Bucket: b, Delete: { Quiet: true, Objects: [{ Key: 'a' }, { Key: 'b' }] } }));
    expect(quiet.Deleted).toBeUndefined();
    expect(quiet.Errors).toBeUndefined();
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ Key: `k${i}` }));
    await expectS3Error(
      s3.send(new DeleteObjectsCommand({ Bucket: b, Delete: { Objects: tooMany } })),
      'MalformedXML',
      400,
      'The XML you provided was not well-formed or did not validate against our published schema',
    );
  });

  it('Object Lock: a bucket created with it is versioned and cannot be suspended; locked versions resist deletion', async () => {
    const s3 = s3Client(nimbus);
    const b = bucketName('lock');
    await s3.send(new CreateBucketCommand({ Bucket: b, ObjectLockEnabledForBucket: true }));
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: b }))).Status).toBe('Enabled');
    await expectS3Error(
      s3.send(new PutBucketVersioningCommand({ Bucket: b, VersioningConfiguration: { Status: 'Suspended' } })),
      'InvalidBucketState',
      409,
      'An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.',
    );
    const until = new Date(Date.now() + 3_600_000);
    const v = (await s3.send(new PutObjectCommand({ Bucket: b, Key: 'held', Body: 'x', ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: until }))).VersionId!;
    const head = await s3.send(new HeadObjectCommand({ Bucket: b, Key: 'held' }));
    expect(head.ObjectLockMode).toBe('GOVERNANCE');
    expect(head.ObjectLockRetainUntilDate!.getTime()).toBe(until.getTime());
    await expectS3Error(s3.send(new DeleteObjectCommand({ Bucket: b, Key: 'held', VersionId: v })), 'AccessDenied', 403, 'Access Denied because object protected by object lock.');
    await s3.send(new DeleteObjectCommand({ Bucket: b, Key: 'held', VersionId: v, BypassGovernanceRetention: true }));
    const plain = await versionedBucket(s3);
    await expectS3Error(
      s3.send(new PutObjectCommand({ Bucket: plain, Key: 'k', Body: 'x', ObjectLockLegalHoldStatus: 'ON' })),
      'InvalidRequest',
      400,
      'Bucket is missing Object Lock Configuration',
    );
  });
});
