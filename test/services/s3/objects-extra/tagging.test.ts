/** Object tagging: Put/Get/DeleteObjectTagging through the SDK, on versions and delete markers. */
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectTaggingCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { bucketName, expectS3Error, s3Client } from '../core/helpers.js';

const nimbus = useNimbus();
const plain = bucketName('tags');
const versioned = bucketName('tags-v');

describe('object tagging', () => {
  beforeAll(async () => {
    const s3 = s3Client(nimbus);
    await s3.send(new CreateBucketCommand({ Bucket: plain }));
    await s3.send(new CreateBucketCommand({ Bucket: versioned }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: versioned, VersioningConfiguration: { Status: 'Enabled' } }));
  });

  it('puts, gets and deletes the tag set of an object, without version ids in an unversioned bucket', async () => {
    const s3 = s3Client(nimbus);
    await s3.send(new PutObjectCommand({ Bucket: plain, Key: 'a.txt', Body: 'a', Tagging: 'from=put' }));
    expect((await s3.send(new GetObjectTaggingCommand({ Bucket: plain, Key: 'a.txt' }))).TagSet).toEqual([{ Key: 'from', Value: 'put' }]);

    const put = await s3.send(
      new PutObjectTaggingCommand({ Bucket: plain, Key: 'a.txt', Tagging: { TagSet: [{ Key: 'project', Value: 'nimbus' }, { Key: 'empty', Value: '' }] } }),
    );
    expect(put.VersionId).toBeUndefined();
    const got = await s3.send(new GetObjectTaggingCommand({ Bucket: plain, Key: 'a.txt' }));
    expect(got.TagSet).toEqual([{ Key: 'project', Value: 'nimbus' }, { Key: 'empty', Value: '' }]);
    expect(got.VersionId).toBeUndefined();
    expect((await s3.send(new HeadObjectCommand({ Bucket: plain, Key: 'a.txt' }))).TagCount).toBe(2);

    const deleted = await s3.send(new DeleteObjectTaggingCommand({ Bucket: plain, Key: 'a.txt' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect((await s3.send(new GetObjectTaggingCommand({ Bucket: plain, Key: 'a.txt' }))).TagSet).toEqual([]);
    expect((await s3.send(new HeadObjectCommand({ Bucket: plain, Key: 'a.txt' }))).TagCount).toBeUndefined();
  });

  it('refuses more than 10 tags and tags S3 does not accept, with AWS codes and messages', async () => {
    const s3 = s3Client(nimbus);
    await s3.send(new PutObjectCommand({ Bucket: plain, Key: 'b.txt', Body: 'b' }));
    const eleven = Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expectS3Error(s3.send(new PutObjectTaggingCommand({ Bucket: plain, Key: 'b.txt', Tagging: { TagSet: eleven } })), 'BadRequest', 400, 'Object tags cannot be greater than 10');
    await expectS3Error(
      s3.send(new PutObjectTaggingCommand({ Bucket: plain, Key: 'b.txt', Tagging: { TagSet: [{ Key: 'aws:owner', Value: 'x' }] } })),
      'InvalidTag',
      400,
      'System tags cannot be added/updated by requester',
    );
    await expectS3Error(
      s3.send(new PutObjectTaggingCommand({ Bucket: plain, Key: 'b.txt', Tagging: { TagSet: [{ Key: 'k', Value: '1' }, { Key: 'k', Value: '2' }] } })),
      'InvalidTag',
      400,
      'Cannot provide multiple Tags with the same key',
    );
    const e = await expectS3Error(
      s3.send(new PutObjectTaggingCommand({ Bucket: plain, Key: 'b.txt', Tagging: { TagSet: [{ Key: 'k', Value: 'a#b' }] } })),
      'InvalidTag',
      400,
      'The TagValue you have provided is invalid',
    );
    expect(e.TagKey).toBe('k');
    // Nothing was stored by the refused requests.
    expect((await s3.send(new GetObjectTaggingCommand({ Bucket: plain, Key: 'b.txt' }))).TagSet).toEqual([]);
  });

  it('answers NoSuchKey, NoSuchBucket, NoSuchVersion and InvalidArgument for what does not exist', async () => {
    const s3 = s3Client(nimbus);
    const e = await expectS3Error(s3.send(new GetObjectTaggingCommand({ Bucket: plain, Key: 'missing' })), 'NoSuchKey', 404, 'The specified key does not exist.');
    expect(e.Key).toBe('missing');
    await expectS3Error(s3.send(new PutObjectTaggingCommand({ Bucket: plain, Key: 'missing', Tagging: { TagSet: [] } })), 'NoSuchKey', 404);
    await expectS3Error(s3.send(new GetObjectTaggingCommand({ Bucket: `${plain}-gone`, Key: 'a.txt' })), 'NoSuchBucket', 404);
    await expectS3Error(
      s3.send(new GetObjectTaggingCommand({ Bucket: plain, Key: 'a.txt', VersionId: 'A'.repeat(32) })),
      'NoSuchVersion',
      404,
      'The specified version does not exist.',
    );
    await expectS3Error(s3.send(new GetObjectTaggingCommand({ Bucket: plain, Key: 'a.txt', VersionId: 'not a version' })), 'InvalidArgument', 400, 'Invalid version id specified');
  });

  it('tags each version on its own and answers the version id', async () => {
    const s3 = s3Client(nimbus);
    const v1 = (await s3.send(new PutObjectCommand({ Bucket: versioned, Key: 'doc', Body: '1' }))).VersionId!;
    const v2 = (await s3.send(new PutObjectCommand({ Bucket: versioned, Key: 'doc', Body: '2' }))).VersionId!;
    const put = await s3.send(new PutObjectTaggingCommand({ Bucket: versioned, Key: 'doc', VersionId: v1, Tagging: { TagSet: [{ Key: 'old', Value: 'yes' }] } }));
    expect(put.VersionId).toBe(v1);
    const current = await s3.send(new PutObjectTaggingCommand({ Bucket: versioned, Key: 'doc', Tagging: { TagSet: [{ Key: 'new', Value: 'yes' }] } }));
    expect(current.VersionId).toBe(v2);

    expect(await s3.send(new GetObjectTaggingCommand({ Bucket: versioned, Key: 'doc', VersionId: v1 }))).toMatchObject({ VersionId: v1, TagSet: [{ Key: 'old', Value: 'yes' }] });
    expect(await s3.send(new GetObjectTaggingCommand({ Bucket: versioned, Key: 'doc' }))).toMatchObject({ VersionId: v2, TagSet: [{ Key: 'new', Value: 'yes' }] });
    const deleted = await s3.send(new DeleteObjectTaggingCommand({ Bucket: versioned, Key: 'doc', VersionId: v1 }));
    expect(deleted.VersionId).toBe(v1);
    expect((await s3.send(new GetObjectTaggingCommand({ Bucket: versioned, Key: 'doc', VersionId: v1 }))).TagSet).toEqual([]);
    expect((await s3.send(new GetObjectTaggingCommand({ Bucket: versioned, Key: 'doc' }))).TagSet).toEqual([{ Key: 'new', Value: 'yes' }]);
  });

  it('refuses tagging a delete marker with MethodNotAllowed, current or named by version id', async () => {
    const s3 = s3Client(nimbus);
    await s3.send(new PutObjectCommand({ Bucket: versioned, Key: 'gone', Body: 'x' }));
    const marker = (await s3.send(new DeleteObjectCommand({ Bucket: versioned, Key: 'gone' }))).VersionId!;
    const current = await expectS3Error(
      s3.send(new GetObjectTaggingCommand({ Bucket: versioned, Key: 'gone' })),
      'MethodNotAllowed',
      405,
      'The specified method is not allowed against this resource.',
    );
    expect(current.ResourceType).toBe('DeleteMarker');
    expect(current.$response?.headers?.['x-amz-delete-marker']).toBe('true');
    await expectS3Error(s3.send(new PutObjectTaggingCommand({ Bucket: versioned, Key: 'gone', Tagging: { TagSet: [] } })), 'MethodNotAllowed', 405);
    await expectS3Error(s3.send(new DeleteObjectTaggingCommand({ Bucket: versioned, Key: 'gone', VersionId: marker })), 'MethodNotAllowed', 405);
    const byId = await expectS3Error(s3.send(new GetObjectTaggingCommand({ Bucket: versioned, Key: 'gone', VersionId: marker })), 'MethodNotAllowed', 405);
    expect(byId.$response?.headers?.['x-amz-version-id']).toBe(marker);
  });
});
