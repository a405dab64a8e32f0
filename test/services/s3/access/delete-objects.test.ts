/**
 * DeleteObjects is authorized key by key, as in AWS: keys the caller may not delete come back in
 * the answer's `<Error>` list (AccessDenied, "Access Denied") while the others are deleted, and
 * the request itself succeeds with 200.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
 */
import { CreateBucketCommand, DeleteObjectsCommand, ListObjectsV2Command, PutBucketPolicyCommand, PutBucketVersioningCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { useNimbus, type TestNimbus } from '../../../helpers/nimbus.js';
import { policy, userWithPolicies, type Keys } from '../../../identity/helpers.js';

const nimbus = useNimbus();

function s3(n: TestNimbus, credentials?: Keys): S3Client {
  return new S3Client(n.clientConfig({ forcePathStyle: true, ...(credentials ? { credentials } : {}) }));
}

let counter = 0;
async function bucketWith(prefix: string, ...keys: string[]): Promise<string> {
  const name = `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  const owner = s3(nimbus);
  await owner.send(new CreateBucketCommand({ Bucket: name }));
  for (const Key of keys) await owner.send(new PutObjectCommand({ Bucket: name, Key, Body: 'data' }));
  return name;
}

async function keysIn(bucket: string): Promise<string[]> {
  const out = await s3(nimbus).send(new ListObjectsV2Command({ Bucket: bucket }));
  return (out.Contents ?? []).map((o) => o.Key!);
}

const denied = (Key: string) => ({ Key, Code: 'AccessDenied', Message: 'Access Denied' });

describe('DeleteObjects authorizes each key', () => {
  it('deletes the keys an IAM user may delete and reports the others as AccessDenied', async () => {
    const b = await bucketWith('mdel', 'tmp/a', 'keep/b');
    const keys = await userWithPolicies(nimbus, 'tmp-cleaner', { tmp: policy({ Effect: 'Allow', Action: 's3:DeleteObject', Resource: `arn:aws:s3:::${b}/tmp/*` }) });
    const out = await s3(nimbus, keys).send(new DeleteObjectsCommand({ Bucket: b, Delete: { Objects: [{ Key: 'tmp/a' }, { Key: 'keep/b' }] } }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.Deleted?.map((d) => d.Key)).toEqual(['tmp/a']);
    expect(out.Errors).toEqual([denied('keep/b')]);
    expect(await keysIn(b)).toEqual(['keep/b']);
  });

  it('Quiet mode still lists the denied keys', async () => {
    const b = await bucketWith('mdelq', 'tmp/a', 'keep/b');
    const keys = await userWithPolicies(nimbus, 'quiet-cleaner', { tmp: policy({ Effect: 'Allow', Action: 's3:DeleteObject', Resource: `arn:aws:s3:::${b}/tmp/*` }) });
    const out = await s3(nimbus, keys).send(new DeleteObjectsCommand({ Bucket: b, Delete: { Quiet: true, Objects: [{ Key: 'tmp/a' }, { Key: 'keep/b' }] } }));
    expect(out.Deleted).toBeUndefined();
    expect(out.Errors).toEqual([denied('keep/b')]);
    expect(await keysIn(b)).toEqual(['keep/b']);
  });

  it("an explicit Deny in the bucket policy protects its key, even from the owner's root", async () => {
    const b = await bucketWith('mdeld', 'a', 'locked', 'c');
    const owner = s3(nimbus);
    await owner.send(new PutBucketPolicyCommand({ Bucket: b, Policy: policy({ Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: `arn:aws:s3:::${b}/locked` }) }));
    const out = await owner.send(new DeleteObjectsCommand({ Bucket: b, Delete: { Objects: [{ Key: 'a' }, { Key: 'locked' }, { Key: 'c' }] } }));
    expect(out.Deleted?.map((d) => d.Key)).toEqual(['a', 'c']);
    expect(out.Errors).toEqual([denied('locked')]);
    expect(await keysIn(b)).toEqual(['locked']);

    const keys = await userWithPolicies(nimbus, 'all-deleter', { all: policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) });
    await owner.send(new PutObjectCommand({ Bucket: b, Key: 'd', Body: 'data' }));
    const asUser = await s3(nimbus, keys).send(new DeleteObjectsCommand({ Bucket: b, Delete: { Objects: [{ Key: 'locked' }, { Key: 'd' }] } }));
    expect(asUser.Deleted?.map((d) => d.Key)).toEqual(['d']);
    expect(asUser.Errors).toEqual([denied('locked')]);
  });

  it('a key with a VersionId needs s3:DeleteObjectVersion', async () => {
    const b = await bucketWith('mdelv');
    const owner = s3(nimbus);
    await owner.send(new PutBucketVersioningCommand({ Bucket: b, VersioningConfiguration: { Status: 'Enabled' } }));
    const { VersionId } = await owner.send(new PutObjectCommand({ Bucket: b, Key: 'v', Body: 'data' }));
    const keys = await userWithPolicies(nimbus, 'current-only', { cur: policy({ Effect: 'Allow', Action: 's3:DeleteObject', Resource: `arn:aws:s3:::${b}/*` }) });
    const out = await s3(nimbus, keys).send(new DeleteObjectsCommand({ Bucket: b, Delete: { Objects: [{ Key: 'v', VersionId }] } }));
    expect(out.Deleted).toBeUndefined();
    expect(out.Errors).toEqual([{ ...denied('v'), VersionId }]);
    expect(await keysIn(b)).toEqual(['v']);
  });

  it('a user with no S3 permission at all gets 200 and every key denied', async () => {
    const b = await bucketWith('mdeln', 'x', 'y');
    const keys = await userWithPolicies(nimbus, 'nobody-s3', { none: policy({ Effect: 'Allow', Action: 'sqs:ListQueues', Resource: '*' }) });
    const out = await s3(nimbus, keys).send(new DeleteObjectsCommand({ Bucket: b, Delete: { Objects: [{ Key: 'x' }, { Key: 'y' }] } }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.Errors).toEqual([denied('x'), denied('y')]);
    expect(await keysIn(b)).toEqual(['x', 'y']);
  });
});
