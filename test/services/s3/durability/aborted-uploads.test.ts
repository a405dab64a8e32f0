/**
 * Uploads that never finish: a Content-Length larger than what is sent and then the socket reset
 * or half-closed, an aws-chunked body cut mid-chunk, an UploadPart cut short, an SDK PutObject
 * aborted mid-stream and a lib-storage Upload aborted. After each, the key holds its previous
 * object intact (or nothing), a part keeps its previous bytes, and no blob or temporary file is
 * left behind — neither while running nor after a restart, whose sweep would hide a leak.
 */
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyBytes, bodyText, expectS3Error } from '../core/helpers.js';
import { MiB, blobFiles, bucketName, md5Hex, payload, useDurableNimbus } from '../clients/helpers.js';
import { cutRequest, eventually } from './helpers.js';

const nimbus = useDurableNimbus();
const bucket = bucketName('cut');

async function text(key: string): Promise<string> {
  return bodyText((await nimbus.s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body);
}

/**
 * Waits for the server to drop what the cut request had written, then checks the blob store holds
 * exactly `blobs` blobs. ('victim', 8 bytes, has none: small bodies are kept in their version's row.)
 */
async function expectBlobs(blobs: number): Promise<void> {
  const settled = await eventually(() => blobFiles(nimbus.dataDir).tmp.length === 0 && blobFiles(nimbus.dataDir).stored.length === blobs);
  if (!settled) expect(blobFiles(nimbus.dataDir)).toEqual({ stored: `${blobs} blobs`, tmp: [] });
}

describe('uploads cut off mid-way leave the previous object and no blob behind', () => {
  beforeAll(async () => {
    const s3 = nimbus.s3();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'victim', Body: 'original' }));
  });

  it('PutObject with Content-Length larger than what is sent, then the socket reset: previous object intact', async () => {
    const endpoint = nimbus.current.endpoint;
    await cutRequest(endpoint, 'PUT', `/${bucket}/victim`, { 'Content-Length': 1_000_000 }, payload(300_000, 1), 'reset');
    // Declared ≥ 1 MiB: the MD5 is computed on the worker thread, another code path.
    await cutRequest(endpoint, 'PUT', `/${bucket}/victim`, { 'Content-Length': 8 * MiB }, payload(2 * MiB, 2), 'reset');
    await cutRequest(endpoint, 'PUT', `/${bucket}/fresh`, { 'Content-Length': 1_000_000 }, payload(300_000, 3), 'reset');
    expect(await text('victim')).toBe('original');
    await expectS3Error(nimbus.s3().send(new GetObjectCommand({ Bucket: bucket, Key: 'fresh' })), 'NoSuchKey', 404);
    await expectBlobs(0);
  });

  it('PutObject whose client half-closes before the declared length: IncompleteBody, previous object intact', async () => {
    const r = await cutRequest(nimbus.current.endpoint, 'PUT', `/${bucket}/victim`, { 'Content-Length': 500_000 }, payload(100_000, 4), 'end');
    // S3 answers a body shorter than its Content-Length with 400 IncompleteBody.
    // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
    expect({ status: r.status, code: /<Code>([^<]*)<\/Code>/.exec(r.body)?.[1], message: /<Message>([^<]*)<\/Message>/.exec(r.body)?.[1] ?? r.body }).toEqual({
      status: 400,
      code: 'IncompleteBody',
      message: 'You did not provide the number of bytes specified by the Content-Length HTTP header',
    });
    expect(await text('victim')).toBe('original');
    await expectBlobs(0);
  });

  it('an aws-chunked PutObject cut mid-chunk: previous object intact', async () => {
    const chunk = payload(64 * 1024, 5);
    const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'), Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk.subarray(0, 1000)]);
    await cutRequest(
      nimbus.current.endpoint,
      'PUT',
      `/${bucket}/victim`,
      {
        'Content-Length': 4 * chunk.length,
        'Content-Encoding': 'aws-chunked',
        'X-Amz-Decoded-Content-Length': 3 * chunk.length,
        'X-Amz-Trailer': 'x-amz-checksum-crc32',
        'X-Amz-Content-Sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      },
      framed,
      'reset',
    );
    expect(await text('victim')).toBe('original');
    await expectBlobs(0);
  });

  it('UploadPart cut short: the part keeps its previous bytes, and the upload completes with them', async () => {
    const s3 = nimbus.s3();
    const part = payload(1 * MiB, 6);
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'mpu' }));
    const first = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'mpu', UploadId, PartNumber: 1, Body: part }));
    await expectBlobs(1);
    await cutRequest(nimbus.current.endpoint, 'PUT', `/${bucket}/mpu?partNumber=1&uploadId=${encodeURIComponent(UploadId!)}`, { 'Content-Length': 2 * MiB }, payload(MiB, 7), 'reset');
    await cutRequest(nimbus.current.endpoint, 'PUT', `/${bucket}/mpu?partNumber=2&uploadId=${encodeURIComponent(UploadId!)}`, { 'Content-Length': 2 * MiB }, payload(MiB, 8), 'reset');
    const parts = await s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'mpu', UploadId }));
    expect(parts.Parts!.map((p) => ({ n: p.PartNumber, etag: p.ETag, size: p.Size }))).toEqual([{ n: 1, etag: first.ETag, size: part.length }]);
    await expectBlobs(1);
    await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'mpu', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: first.ETag }] } }));
    expect(md5Hex(await bodyBytes((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'mpu' }))).Body))).toBe(md5Hex(part));
  });

  it('an SDK PutObject aborted mid-stream (AbortController): previous object intact', async () => {
    const controller = new AbortController();
    let sent = 0;
    const body = new Readable({
      read() {
        // Stream slowly and abort once 1 MiB is out; the declared 8 MiB never arrive.
        if (sent >= MiB) {
          controller.abort();
          return;
        }
        sent += 64 * 1024;
        setTimeout(() => this.push(payload(64 * 1024, 9)), 5);
      },
    });
    const put = nimbus.s3().send(new PutObjectCommand({ Bucket: bucket, Key: 'victim', Body: body, ContentLength: 8 * MiB }), { abortSignal: controller.signal });
    await expect(put).rejects.toThrow(/abort/i);
    expect(await text('victim')).toBe('original');
    await expectBlobs(1);
  });

  it('a lib-storage Upload aborted after its first part: no upload in progress, no part blobs left', async () => {
    const s3 = nimbus.s3();
    const upload = new Upload({ client: s3, params: { Bucket: bucket, Key: 'victim', Body: payload(20 * MiB, 10) }, partSize: 5 * MiB, queueSize: 1 });
    let parts = 0;
    upload.on('httpUploadProgress', (p) => {
      if (p.part !== undefined && ++parts === 1) void upload.abort();
    });
    await expect(upload.done()).rejects.toThrow(/abort/i);
    // lib-storage sends AbortMultipartUpload; S3 then drops the parts.
    const inProgress = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    expect(inProgress.Uploads ?? []).toEqual([]);
    expect(await text('victim')).toBe('original');
    await expectBlobs(1);
  });

  it('after a restart (which sweeps), the same objects and blobs, nothing more', async () => {
    const before = blobFiles(nimbus.dataDir);
    await nimbus.restart();
    expect(blobFiles(nimbus.dataDir)).toEqual({ stored: before.stored, tmp: [] });
    const listed = await nimbus.s3().send(new ListObjectsV2Command({ Bucket: bucket }));
    expect(listed.Contents!.map((c) => c.Key)).toEqual(['mpu', 'victim']);
    expect(await text('victim')).toBe('original');
  });
});
