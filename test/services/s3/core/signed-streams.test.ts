/**
 * Bodies from keys whose signatures Nimbus verifies (IAM users) arrive aws-chunked and are
 * decoded by the gateway; the stored object must be the decoded bytes, whatever Content-Length
 * said about the framing.
 */
import { CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, GetObjectCommand, PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { policy, userWithPolicies } from '../../../identity/helpers.js';
import { useNimbus } from '../../../helpers/nimbus.js';
import { bodyBytes, bucketName, s3Client } from './helpers.js';

const nimbus = useNimbus();

describe('S3 streamed uploads signed by an IAM user', () => {
  it('PutObject and UploadPart with stream bodies store the decoded bytes', async () => {
    const keys = await userWithPolicies(nimbus, 'streamer', { all: policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) });
    const s3 = s3Client(nimbus, { credentials: keys });
    const bucket = bucketName('signed');
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const chunks = Array.from({ length: 12 }, (_, i) => Buffer.alloc(9000, 65 + i));
    const data = Buffer.concat(chunks);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'put', Body: Readable.from(chunks), ContentLength: data.length }));
    expect((await bodyBytes((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'put' }))).Body)).equals(data)).toBe(true);

    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'mpu' }));
    const part = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'mpu', UploadId, PartNumber: 1, Body: Readable.from(chunks), ContentLength: data.length }));
    await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'mpu', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] } }));
    expect((await bodyBytes((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'mpu' }))).Body)).equals(data)).toBe(true);
  });

  // The gateway unframes aws-chunked bodies whether or not it checked the signature.
  it('UploadPart with a stream body from the conventional test key stores the decoded bytes', async () => {
    const s3 = s3Client(nimbus);
    const bucket = bucketName('plain-stream');
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const chunks = [Buffer.alloc(9000, 1), Buffer.alloc(9000, 2)];
    const data = Buffer.concat(chunks);
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'mpu' }));
    const part = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'mpu', UploadId, PartNumber: 1, Body: Readable.from(chunks), ContentLength: data.length }));
    await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'mpu', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] } }));
    expect((await bodyBytes((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'mpu' }))).Body)).equals(data)).toBe(true);
  });
});
