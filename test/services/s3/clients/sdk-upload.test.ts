/**
 * The AWS SDK for JavaScript v3 as applications use it, defaults untouched: `@aws-sdk/lib-storage`
 * `Upload` (multipart from a Buffer and from a stream of unknown length), the SDK's default
 * request checksums (CRC32 since `requestChecksumCalculation: 'WHEN_SUPPORTED'` became the
 * default; a stream body goes aws-chunked with the checksum in a trailer) and GetObject with
 * `ChecksumMode: 'ENABLED'`, which the SDK validates on the client side.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
 */
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';
import { Readable, Transform } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyBytes } from '../core/helpers.js';
import { MiB, bucketName, compositeCrc32, crc32Base64, md5Hex, multipartEtag, payload, split, useDurableNimbus } from './helpers.js';

const nimbus = useDurableNimbus();
const bucket = bucketName('sdk-upload');

/** A stream that does not say how long it is: no `length`, no `path`, just chunks. */
function unknownLengthStream(data: Buffer, chunk = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < data.length; at += chunk) yield data.subarray(at, at + chunk);
    })(),
  );
}

/** Records the headers of every request the client sends (what the SDK really put on the wire). */
function recordHeaders(s3: S3Client): Array<{ method: string; query: Record<string, unknown>; headers: Record<string, string> }> {
  const seen: Array<{ method: string; query: Record<string, unknown>; headers: Record<string, string> }> = [];
  s3.middlewareStack.add(
    (next) => async (args) => {
      const req = args.request as HttpRequest;
      seen.push({ method: req.method, query: { ...req.query }, headers: { ...req.headers } });
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'recordHeadersForTest' },
  );
  return seen;
}

describe('lib-storage Upload and the SDK’s default checksums', () => {
  beforeAll(async () => {
    await nimbus.s3().send(new CreateBucketCommand({ Bucket: bucket }));
  });

  it('Upload of 20 MiB in 5 MiB parts: one object, multipart ETag and composite CRC32, bytes intact', async () => {
    const s3 = nimbus.s3();
    const seen = recordHeaders(s3);
    const data = payload(20 * MiB, 1);
    const upload = new Upload({ client: s3, params: { Bucket: bucket, Key: 'big/20mib.bin', Body: data, ContentType: 'application/x-test' }, partSize: 5 * MiB, queueSize: 2 });
    const done = await upload.done();
    const parts = split(data, 5 * MiB);
    expect(done.ETag).toBe(multipartEtag(parts));
    // lib-storage asks for CRC32 on CreateMultipartUpload (WHEN_SUPPORTED); S3 answers the composite.
    expect(seen.find((r) => 'uploads' in r.query)?.headers['x-amz-checksum-algorithm']).toBe('CRC32');
    const partHeaders = seen.filter((r) => 'partNumber' in r.query).sort((a, b) => Number(a.query.partNumber) - Number(b.query.partNumber));
    expect(partHeaders.map((r) => r.headers['x-amz-checksum-crc32'])).toEqual(parts.map((p) => crc32Base64(p)));
    expect(done.ChecksumCRC32).toBe(compositeCrc32(parts));

    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'big/20mib.bin', ChecksumMode: 'ENABLED' }));
    expect({ size: head.ContentLength, type: head.ContentType, etag: head.ETag, crc: head.ChecksumCRC32, kind: head.ChecksumType }).toEqual({
      size: data.length,
      type: 'application/x-test',
      etag: multipartEtag(parts),
      crc: compositeCrc32(parts),
      kind: 'COMPOSITE',
    });
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'big/20mib.bin', ChecksumMode: 'ENABLED' }));
    expect(md5Hex(await bodyBytes(got.Body))).toBe(md5Hex(data));
    const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    expect(uploads.Uploads ?? []).toEqual([]);
  });

  it('Upload of a stream of unknown length: parts of 5, 5 and 2 MiB, bytes intact', async () => {
    const s3 = nimbus.s3();
    const data = payload(12 * MiB, 2);
    const upload = new Upload({ client: s3, params: { Bucket: bucket, Key: 'big/stream.bin', Body: unknownLengthStream(data) }, partSize: 5 * MiB, queueSize: 2 });
    const done = await upload.done();
    const parts = split(data, 5 * MiB);
    expect(parts.map((p) => p.length)).toEqual([5 * MiB, 5 * MiB, 2 * MiB]);
    expect(done.ETag).toBe(multipartEtag(parts));
    expect(done.ChecksumCRC32).toBe(compositeCrc32(parts));
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'big/stream.bin' }));
    expect(got.ContentLength).toBe(data.length);
    expect(md5Hex(await bodyBytes(got.Body))).toBe(md5Hex(data));
  });

  it('Upload of a short stream of unknown length goes as one PutObject', async () => {
    const s3 = nimbus.s3();
    const seen = recordHeaders(s3);
    const data = payload(300 * 1024, 3);
    const done = await new Upload({ client: s3, params: { Bucket: bucket, Key: 'small/stream.bin', Body: unknownLengthStream(data, 10_000) } }).done();
    expect(done.ETag).toBe(`"${md5Hex(data)}"`);
    expect(seen.map((r) => r.method)).toEqual(['PUT']);
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'small/stream.bin', ChecksumMode: 'ENABLED' }));
    expect(got.ChecksumCRC32).toBe(crc32Base64(data));
    expect((await bodyBytes(got.Body)).equals(data)).toBe(true);
  });

  it('PutObject of a Buffer: the SDK’s default CRC32 header is checked and kept as a FULL_OBJECT checksum', async () => {
    const s3 = nimbus.s3();
    const seen = recordHeaders(s3);
    const data = payload(100_000, 4);
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'crc/buffer', Body: data }));
    expect(seen[0]!.headers['x-amz-checksum-crc32']).toBe(crc32Base64(data));
    expect({ etag: put.ETag, crc: put.ChecksumCRC32, type: put.ChecksumType }).toEqual({ etag: `"${md5Hex(data)}"`, crc: crc32Base64(data), type: 'FULL_OBJECT' });
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'crc/buffer', ChecksumMode: 'ENABLED' }));
    expect({ crc: head.ChecksumCRC32, type: head.ChecksumType }).toEqual({ crc: crc32Base64(data), type: 'FULL_OBJECT' });
  });

  it('PutObject of a stream: sent aws-chunked with the CRC32 in a trailer; stored bytes and checksum are the sent ones', async () => {
    const s3 = nimbus.s3();
    const seen = recordHeaders(s3);
    const data = payload(3 * MiB + 12_345, 5);
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'crc/stream', Body: unknownLengthStream(data), ContentLength: data.length, ContentType: 'text/x-stream' }));
    // What the SDK sent: the framing S3 documents for trailing checksums.
    expect(seen[0]!.headers).toMatchObject({
      'content-encoding': 'aws-chunked',
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      'x-amz-trailer': 'x-amz-checksum-crc32',
      'x-amz-decoded-content-length': String(data.length),
    });
    expect({ etag: put.ETag, crc: put.ChecksumCRC32 }).toEqual({ etag: `"${md5Hex(data)}"`, crc: crc32Base64(data) });
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'crc/stream', ChecksumMode: 'ENABLED' }));
    // aws-chunked is transport framing, not the object's Content-Encoding.
    expect({ length: got.ContentLength, type: got.ContentType, encoding: got.ContentEncoding, crc: got.ChecksumCRC32 }).toEqual({
      length: data.length,
      type: 'text/x-stream',
      encoding: undefined,
      crc: crc32Base64(data),
    });
    expect(md5Hex(await bodyBytes(got.Body))).toBe(md5Hex(data));
  });

  it('UploadPart of a stream: sent aws-chunked with a CRC32 trailer; the part holds the decoded bytes', async () => {
    const s3 = nimbus.s3();
    const seen = recordHeaders(s3);
    const part = payload(5 * MiB, 7);
    const last = payload(1000, 8);
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'parts/stream', ChecksumAlgorithm: 'CRC32' }));
    const p1 = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'parts/stream', UploadId, PartNumber: 1, Body: unknownLengthStream(part), ContentLength: part.length }));
    expect(seen.find((r) => r.query.partNumber === '1')?.headers).toMatchObject({ 'content-encoding': 'aws-chunked', 'x-amz-trailer': 'x-amz-checksum-crc32' });
    expect({ etag: p1.ETag, crc: p1.ChecksumCRC32 }).toEqual({ etag: `"${md5Hex(part)}"`, crc: crc32Base64(part) });
    const p2 = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'parts/stream', UploadId, PartNumber: 2, Body: last }));
    const done = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: 'parts/stream',
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag, ChecksumCRC32: p1.ChecksumCRC32 }, { PartNumber: 2, ETag: p2.ETag, ChecksumCRC32: p2.ChecksumCRC32 }] },
      }),
    );
    expect({ etag: done.ETag, crc: done.ChecksumCRC32 }).toEqual({ etag: multipartEtag([part, last]), crc: compositeCrc32([part, last]) });
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'parts/stream' }));
    expect(md5Hex(await bodyBytes(got.Body))).toBe(md5Hex(Buffer.concat([part, last])));
  });

  it('GetObject with ChecksumMode ENABLED is validated by the client: the same answer with one byte changed fails', async () => {
    const data = payload(200_000, 6);
    await nimbus.s3().send(new PutObjectCommand({ Bucket: bucket, Key: 'crc/validated', Body: data }));
    // A request handler that flips the first byte of every response body, below all SDK middleware.
    const plain = nimbus.s3();
    const inner = plain.config.requestHandler as RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions>;
    const tampering: RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> = {
      async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
        const { response } = await inner.handle(request, options);
        let first = true;
        const flip = new Transform({
          transform(chunk: Buffer, _enc, cb) {
            if (first && chunk.length > 0) {
              first = false;
              const copy = Buffer.from(chunk);
              copy[0] = copy[0]! ^ 0xff;
              cb(null, copy);
            } else cb(null, chunk);
          },
        });
        (response.body as Readable).pipe(flip);
        return { response: { ...response, body: flip } };
      },
    };
    const honest = await nimbus.s3().send(new GetObjectCommand({ Bucket: bucket, Key: 'crc/validated', ChecksumMode: 'ENABLED' }));
    expect(honest.ChecksumCRC32).toBe(crc32Base64(data));
    expect((await bodyBytes(honest.Body)).equals(data)).toBe(true);
    const tampered = await nimbus.s3({ requestHandler: tampering }).send(new GetObjectCommand({ Bucket: bucket, Key: 'crc/validated', ChecksumMode: 'ENABLED' }));
    await expect(bodyBytes(tampered.Body)).rejects.toThrow(/Checksum mismatch/);
    plain.destroy();
  });
});
