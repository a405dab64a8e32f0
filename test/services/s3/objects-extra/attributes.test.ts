/** GetObjectAttributes: each attribute, multipart part pages, versions, delete markers and errors. */
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectAttributesCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { bucketName, expectS3Error, s3Client } from '../core/helpers.js';

const nimbus = useNimbus();
const bucket = bucketName('attrs');
const versioned = bucketName('attrs-v');
const ALL = ['ETag', 'Checksum', 'ObjectParts', 'StorageClass', 'ObjectSize'] as const;

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('base64');
const md5 = (data: Buffer | string) => createHash('md5').update(data).digest('hex');

describe('GetObjectAttributes', () => {
  beforeAll(async () => {
    const s3 = s3Client(nimbus);
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new CreateBucketCommand({ Bucket: versioned }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: versioned, VersioningConfiguration: { Status: 'Enabled' } }));
  });

  it('answers the attributes asked for of a single-part object, ETag unquoted, no ObjectParts', async () => {
    const s3 = s3Client(nimbus);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'one', Body: 'hello world!', ChecksumAlgorithm: 'SHA256', StorageClass: 'STANDARD_IA' }));
    const all = await s3.send(new GetObjectAttributesCommand({ Bucket: bucket, Key: 'one', ObjectAttributes: [...ALL] }));
    expect(all).toMatchObject({
      ETag: md5('hello world!'),
      Checksum: { ChecksumSHA256: sha256('hello world!'), ChecksumType: 'FULL_OBJECT' },
      StorageClass: 'STANDARD_IA',
      ObjectSize: 12,
    });
    expect(all.ObjectParts).toBeUndefined();
    expect(all.LastModified).toBeInstanceOf(Date);
    expect(all.VersionId).toBeUndefined();

    const some = await s3.send(new GetObjectAttributesCommand({ Bucket: bucket, Key: 'one', ObjectAttributes: ['ObjectSize'] }));
    expect(some.ObjectSize).toBe(12);
    expect([some.ETag, some.Checksum, some.StorageClass]).toEqual([undefined, undefined, undefined]);
  });

  it('refuses unknown or missing attribute names and answers NoSuchKey for a missing key', async () => {
    const s3 = s3Client(nimbus);
    await expectS3Error(s3.send(new GetObjectAttributesCommand({ Bucket: bucket, Key: 'one', ObjectAttributes: ['Colour' as never] })), 'InvalidArgument', 400, 'Invalid attribute name specified.');
    await expectS3Error(s3.send(new GetObjectAttributesCommand({ Bucket: bucket, Key: 'one', ObjectAttributes: [] })), 'InvalidArgument', 400, 'Invalid attribute name specified.');
    await expectS3Error(s3.send(new GetObjectAttributesCommand({ Bucket: bucket, Key: 'none', ObjectAttributes: ['ETag'] })), 'NoSuchKey', 404, 'The specified key does not exist.');
    await expectS3Error(s3.send(new GetObjectAttributesCommand({ Bucket: bucket, Key: 'one', ObjectAttributes: ['ETag'], ExpectedBucketOwner: '111122223333' })), 'AccessDenied', 403);
  });

  it('names versions and treats delete markers as GetObject does', async () => {
    const s3 = s3Client(nimbus);
    const v1 = (await s3.send(new PutObjectCommand({ Bucket: versioned, Key: 'k', Body: 'first' }))).VersionId!;
    const v2 = (await s3.send(new PutObjectCommand({ Bucket: versioned, Key: 'k', Body: 'second!' }))).VersionId!;
    expect(await s3.send(new GetObjectAttributesCommand({ Bucket: versioned, Key: 'k', ObjectAttributes: ['ObjectSize'] }))).toMatchObject({ VersionId: v2, ObjectSize: 7 });
    expect(await s3.send(new GetObjectAttributesCommand({ Bucket: versioned, Key: 'k', VersionId: v1, ObjectAttributes: ['ObjectSize'] }))).toMatchObject({ VersionId: v1, ObjectSize: 5 });
    const marker = (await s3.send(new DeleteObjectCommand({ Bucket: versioned, Key: 'k' }))).VersionId!;
    const current = await expectS3Error(s3.send(new GetObjectAttributesCommand({ Bucket: versioned, Key: 'k', ObjectAttributes: ['ETag'] })), 'NoSuchKey', 404);
    expect(current.$response?.headers?.['x-amz-delete-marker']).toBe('true');
    await expectS3Error(s3.send(new GetObjectAttributesCommand({ Bucket: versioned, Key: 'k', VersionId: marker, ObjectAttributes: ['ETag'] })), 'MethodNotAllowed', 405);
  });

  it('pages through the parts of a multipart object with their checksums', async () => {
    const s3 = s3Client(nimbus);
    const parts = [Buffer.alloc(5 * 1024 * 1024, 'a'), Buffer.alloc(5 * 1024 * 1024, 'b'), Buffer.from('tail')];
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'multi', ChecksumAlgorithm: 'SHA256' }));
    const done = [];
    for (const [i, Body] of parts.entries()) {
      const up = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'multi', UploadId, PartNumber: i + 1, Body, ChecksumAlgorithm: 'SHA256' }));
      done.push({ PartNumber: i + 1, ETag: up.ETag, ChecksumSHA256: up.ChecksumSHA256 });
    }
    await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'multi', UploadId, MultipartUpload: { Parts: done } }));

    const all = await s3.send(new GetObjectAttributesCommand({ Bucket: bucket, Key: 'multi', ObjectAttributes: ['ETag', 'Checksum', 'ObjectParts', 'ObjectSize'] }));
    expect(all.ETag).toMatch(/^[0-9a-f]{32}-3$/);
    expect(all.ObjectSize).toBe(10 * 1024 * 1024 + 4);
    expect(all.Checksum?.ChecksumType).toBe('COMPOSITE');
    expect(all.Checksum?.ChecksumSHA256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(all.ObjectParts).toEqual({
      TotalPartsCount: 3,
      PartNumberMarker: '0',
      NextPartNumberMarker: '3',
      MaxParts: 1000,
      IsTruncated: false,
      Parts: parts.map((p, i) => ({ PartNumber: i + 1, Size: p.length, ChecksumSHA256: sha256(p) })),
    });

    const page = await s3.send(new GetObjectAttributesCommand({ Bucket: bucket, Key: 'multi', ObjectAttributes: ['ObjectParts'], MaxParts: 1, PartNumberMarker: '1' }));
    expect(page.ObjectParts).toMatchObject({ TotalPartsCount: 3, PartNumberMarker: '1', NextPartNumberMarker: '2', MaxParts: 1, IsTruncated: true });
    expect(page.ObjectParts?.Parts?.map((p) => p.PartNumber)).toEqual([2]);
  });
});
