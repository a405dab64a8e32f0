import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { raw, sigV4Header } from '../../../helpers/http.js';
import { bodyBytes, bodyText, bucketName, expectS3Error, s3Client } from './helpers.js';

const nimbus = useNimbus();
const bucket = bucketName('objects');

describe('S3 objects: put, get, head, delete', () => {
  beforeAll(async () => {
    await s3Client(nimbus).send(new CreateBucketCommand({ Bucket: bucket }));
  });

  it('round-trips bytes with ETag, metadata and content headers', async () => {
    const s3 = s3Client(nimbus);
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'docs/hello.txt',
        Body: 'hello world',
        ContentType: 'text/plain',
        ContentLanguage: 'en',
        ContentDisposition: 'attachment; filename="h.txt"',
        CacheControl: 'max-age=60',
        Expires: new Date('2030-01-01T00:00:00Z'),
        Metadata: { Color: 'blue', 'with-dash': 'x y' },
      }),
    );
    expect(put.ETag).toBe('"5eb63bbbe01eeed093cb22bb8f5acdc3"');
    expect(put.ServerSideEncryption).toBe('AES256');
    expect(put.VersionId).toBeUndefined();
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'docs/hello.txt' }));
    expect(await bodyText(got.Body)).toBe('hello world');
    expect(got).toMatchObject({
      ETag: '"5eb63bbbe01eeed093cb22bb8f5acdc3"',
      ContentLength: 11,
      ContentType: 'text/plain',
      ContentLanguage: 'en',
      ContentDisposition: 'attachment; filename="h.txt"',
      CacheControl: 'max-age=60',
      AcceptRanges: 'bytes',
      Metadata: { color: 'blue', 'with-dash': 'x y' },
      ServerSideEncryption: 'AES256',
    });
    expect(got.StorageClass).toBeUndefined();
    expect(got.LastModified).toBeInstanceOf(Date);
    expect(got.ExpiresString).toBe('Tue, 01 Jan 2030 00:00:00 GMT');
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'docs/hello.txt' }));
    expect(head).toMatchObject({ ContentLength: 11, ETag: '"5eb63bbbe01eeed093cb22bb8f5acdc3"', ContentType: 'text/plain', Metadata: { color: 'blue' } });
  });

  it('stores a streamed body (aws-chunked) and an empty body', async () => {
    const s3 = s3Client(nimbus);
    const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(10_000, i));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'streamed', Body: Readable.from(chunks), ContentLength: 400_000 }));
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'streamed' }));
    expect(got.ContentLength).toBe(400_000);
    expect(got.ContentEncoding).toBeUndefined();
    expect((await bodyBytes(got.Body)).equals(Buffer.concat(chunks))).toBe(true);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'empty', Body: '' }));
    const empty = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'empty' }));
    expect(empty.ContentLength).toBe(0);
    expect(empty.ETag).toBe('"d41d8cd98f00b204e9800998ecf8427e"');
    expect((await bodyBytes(empty.Body)).length).toBe(0);
  });

  it('defaults Content-Type to binary/octet-stream when the request has none', async () => {
    const r = await raw(nimbus.current.endpoint, { method: 'PUT', path: `/${bucket}/no-type`, headers: { authorization: sigV4Header('s3'), 'content-length': 3 }, body: 'abc' });
    expect(r.status).toBe(200);
    const head = await s3Client(nimbus).send(new HeadObjectCommand({ Bucket: bucket, Key: 'no-type' }));
    expect(head.ContentType).toBe('binary/octet-stream');
  });

  it('NoSuchKey and NoSuchBucket carry S3 messages; HEAD answers bare 404s', async () => {
    const s3 = s3Client(nimbus);
    const e = await expectS3Error(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'missing' })), 'NoSuchKey', 404, 'The specified key does not exist.');
    expect(e.Key).toBe('missing');
    await expectS3Error(s3.send(new GetObjectCommand({ Bucket: bucketName(), Key: 'k' })), 'NoSuchBucket', 404, 'The specified bucket does not exist');
    await expectS3Error(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'missing' })), 'NotFound', 404);
    await expectS3Error(s3.send(new PutObjectCommand({ Bucket: bucketName(), Key: 'k', Body: 'x' })), 'NoSuchBucket', 404);
  });

  it('overwrites, and deletes with 204 whether or not the key exists', async () => {
    const s3 = s3Client(nimbus);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'over', Body: 'one' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'over', Body: 'two' }));
    expect(await bodyText((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'over' }))).Body)).toBe('two');
    const del = await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'over' }));
    expect(del.$metadata.httpStatusCode).toBe(204);
    expect(del.DeleteMarker).toBeUndefined();
    await expectS3Error(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'over' })), 'NoSuchKey', 404);
    const again = await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'over' }));
    expect(again.$metadata.httpStatusCode).toBe(204);
  });

  it('refuses keys over 1024 bytes and unknown storage classes', async () => {
    const s3 = s3Client(nimbus);
    const e = await expectS3Error(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'é'.repeat(513), Body: 'x' })), 'KeyTooLongError', 400, 'Your key is too long');
    expect(e.Size).toBe('1026');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k'.repeat(1024), Body: 'x' }));
    expect(await bodyText((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k'.repeat(1024) }))).Body)).toBe('x');
    await expectS3Error(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'sc', Body: 'x', StorageClass: 'SNOW' })), 'InvalidStorageClass', 400, 'The storage class you specified is not valid');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'sc', Body: 'x', StorageClass: 'STANDARD_IA' }));
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'sc' }))).StorageClass).toBe('STANDARD_IA');
  });

  it('keeps SSE-KMS settings and tags, and answers the tag count', async () => {
    const s3 = s3Client(nimbus);
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'kms', Body: 'x', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', Tagging: 'a=1&b=two%20words' }));
    expect(put.ServerSideEncryption).toBe('aws:kms');
    expect(put.SSEKMSKeyId).toBe('arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'kms' }));
    expect(head).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: put.SSEKMSKeyId });
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'kms' }));
    expect(got.TagCount).toBe(2);
    await expectS3Error(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'bad', Body: 'x', ServerSideEncryption: 'rot13' as never })), 'InvalidArgument', 400, 'The encryption method specified is not supported');
  });
});
