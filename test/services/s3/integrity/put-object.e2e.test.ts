/**
 * Upload integrity end to end through the real S3 handlers (PutObject, UploadPart,
 * CompleteMultipartUpload, HeadObject/GetObject with ChecksumMode): what S3 answers and keeps.
 * Checksums are computed independently here (node:crypto, and the AWS SDK itself, which checks
 * every checksum GetObject returns).
 */
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { checksumOf, type ChecksumAlgorithm } from '../../../../src/services/s3/domain/checksums/algorithms.js';
import { useNimbus } from '../../../helpers/nimbus.js';
import { failure } from '../../../identity/helpers.js';

const nimbus = useNimbus();
const BUCKET = 'integrity-e2e';
const b64 = (algorithm: ChecksumAlgorithm, data: Buffer) => checksumOf(algorithm, data).toString('base64');

function client(overrides: Record<string, unknown> = {}): S3Client {
  return new S3Client(nimbus.clientConfig({ forcePathStyle: true, ...overrides }));
}

beforeAll(async () => {
  await client().send(new CreateBucketCommand({ Bucket: BUCKET }));
});

async function head(key: string) {
  return client().send(new HeadObjectCommand({ Bucket: BUCKET, Key: key, ChecksumMode: 'ENABLED' }));
}

describe('PutObject', () => {
  it.each(['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const)('%s from a stream (aws-chunked trailer): answered, kept, and returned by GetObject', async (algorithm) => {
    const data = Buffer.concat([randomBytes(70_000), randomBytes(70_000), randomBytes(123)]);
    const key = `stream-${algorithm}`;
    const put = await client().send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: Readable.from([data.subarray(0, 70_000), data.subarray(70_000, 140_000), data.subarray(140_000)]), ContentLength: data.length, ChecksumAlgorithm: algorithm }),
    );
    expect(put[`Checksum${algorithm}`]).toBe(b64(algorithm, data));
    expect(put.ChecksumType).toBe('FULL_OBJECT');
    expect(put.ETag).toBe(`"${createHash('md5').update(data).digest('hex')}"`);
    const h = await head(key);
    expect([h[`Checksum${algorithm}`], h.ChecksumType, h.ContentLength, h.ContentEncoding]).toEqual([b64(algorithm, data), 'FULL_OBJECT', data.length, undefined]);
    const got = await client().send(new GetObjectCommand({ Bucket: BUCKET, Key: key, ChecksumMode: 'ENABLED' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(data)).toBe(true); // the SDK validates the checksum as it reads
  });

  it('no checksum at all: S3 computes and keeps CRC64NVME (FULL_OBJECT)', async () => {
    const data = randomBytes(10_000);
    const put = await client({ requestChecksumCalculation: 'WHEN_REQUIRED' }).send(new PutObjectCommand({ Bucket: BUCKET, Key: 'plain', Body: data }));
    expect(put.ChecksumCRC64NVME).toBe(b64('CRC64NVME', data));
    expect((await head('plain')).ChecksumCRC64NVME).toBe(b64('CRC64NVME', data));
  });

  it('a wrong checksum or Content-MD5 → BadDigest with S3’s message, and nothing is stored', async () => {
    const data = Buffer.from('123456789');
    const e = await failure(client().send(new PutObjectCommand({ Bucket: BUCKET, Key: 'bad-crc', Body: data, ChecksumCRC32: 'z/Q5Jg==' })));
    expect(e).toMatchObject({ name: 'BadDigest', status: 400, message: 'The CRC32 you specified did not match the calculated checksum.' });
    const md5 = await failure(client().send(new PutObjectCommand({ Bucket: BUCKET, Key: 'bad-md5', Body: data, ContentMD5: '1B2M2Y8AsgTpgAmY7PhCfg==' })));
    expect(md5).toMatchObject({ name: 'BadDigest', message: 'The Content-MD5 you specified did not match what we received.' });
    expect((await failure(head('bad-crc'))).status).toBe(404);
    expect((await failure(head('bad-md5'))).status).toBe(404);
  });

  it('two checksums or a malformed one → InvalidRequest', async () => {
    const data = Buffer.from('123456789');
    expect(await failure(client().send(new PutObjectCommand({ Bucket: BUCKET, Key: 'k', Body: data, ChecksumCRC32: 'y/Q5Jg==', ChecksumSHA1: '98O8HYCOBHMq32eZZczDTKeuNEE=' })))).toMatchObject({
      name: 'InvalidRequest',
      message: 'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.',
    });
    expect(await failure(client().send(new PutObjectCommand({ Bucket: BUCKET, Key: 'k', Body: data, ChecksumCRC32: 'y/Q5Jh==' })))).toMatchObject({
      name: 'InvalidRequest',
      message: 'Value for x-amz-checksum-crc32 header is invalid.',
    });
  });
});

describe('multipart uploads', () => {
  const part1 = randomBytes(5 * 1024 * 1024);
  const part2 = randomBytes(1234);
  const whole = Buffer.concat([part1, part2]);

  async function multipart(key: string, algorithm: ChecksumAlgorithm, type: 'FULL_OBJECT' | 'COMPOSITE') {
    const s3 = client();
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key, ChecksumAlgorithm: algorithm, ChecksumType: type }));
    const parts = [];
    for (const [i, body] of [part1, part2].entries()) {
      const out = await s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId, PartNumber: i + 1, Body: body, ChecksumAlgorithm: algorithm }));
      expect(out[`Checksum${algorithm}`]).toBe(b64(algorithm, body));
      parts.push({ PartNumber: i + 1, ETag: out.ETag, [`Checksum${algorithm}`]: out[`Checksum${algorithm}`] });
    }
    return s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId, MultipartUpload: { Parts: parts } }));
  }

  it('FULL_OBJECT CRC64NVME: the CRC of the whole object', async () => {
    const done = await multipart('full', 'CRC64NVME', 'FULL_OBJECT');
    expect([done.ChecksumCRC64NVME, done.ChecksumType]).toEqual([b64('CRC64NVME', whole), 'FULL_OBJECT']);
    const h = await head('full');
    expect([h.ChecksumCRC64NVME, h.ChecksumType]).toEqual([b64('CRC64NVME', whole), 'FULL_OBJECT']);
  });

  it('COMPOSITE CRC32: the CRC32 of the parts’ CRC32s, -2', async () => {
    const done = await multipart('composite', 'CRC32', 'COMPOSITE');
    const expected = `${b64('CRC32', Buffer.concat([checksumOf('CRC32', part1), checksumOf('CRC32', part2)]))}-2`;
    expect([done.ChecksumCRC32, done.ChecksumType]).toEqual([expected, 'COMPOSITE']);
  });
});
