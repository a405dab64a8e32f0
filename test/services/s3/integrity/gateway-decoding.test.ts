/**
 * aws-chunked bodies through a real Nimbus, with conventional keys (`test`: nothing verified) and
 * an IAM user's key (every signature verified). The S3 handlers are swapped for probes that run
 * the upload through digestUpload and record what a handler receives, so this tests the gateway's
 * decoding on its own, whatever state the real object handlers are in.
 */
import { CreateBucketCommand, PutObjectCommand, PutObjectTaggingCommand, S3Client, type PutObjectRequest, type PutObjectTaggingRequest } from '@aws-sdk/client-s3';
import { Crc32 } from '@aws-sdk/checksums/crc';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingKey, type SigV4Verified } from '../../../../src/auth/sigv4/index.js';
import { checksumOf } from '../../../../src/services/s3/domain/checksums/algorithms.js';
import { checksumOutput, digestUpload, uploadChecksOf, type UploadDigests } from '../../../../src/services/s3/domain/integrity.js';
import { s3 } from '../../../../src/services/s3/index.js';
import { encodeChunked } from '../../../auth/sigv4/chunked-helpers.js';
import { sdkSigner, toSdk } from '../../../auth/sigv4/sdk-signer.js';
import { raw, sigV4Header } from '../../../helpers/http.js';
import { useNimbus } from '../../../helpers/nimbus.js';
import { userWithPolicies, policy, failure, type Keys } from '../../../identity/helpers.js';

const nimbus = useNimbus();
const BUCKET = 'integrity-gateway';

interface Received {
  /** How the handler got the body: bytes (a small upload that had arrived) or a stream. */
  form: 'bytes' | 'stream';
  body: Buffer;
  contentLength?: number;
  contentEncoding?: string;
  digests: UploadDigests;
}
let received: Received[] = [];
let tagging: PutObjectTaggingRequest[] = [];

async function probePutObject(input: PutObjectRequest) {
  // A small upload that had arrived comes as bytes, anything else as a stream (pipeline.ts, takeUpload).
  const body = input.Body === undefined ? Readable.from([]) : Buffer.isBuffer(input.Body) ? Readable.from([input.Body]) : (input.Body as Readable);
  const upload = digestUpload(body, uploadChecksOf(input));
  const chunks: Buffer[] = [];
  for await (const chunk of upload.body) chunks.push(chunk as Buffer);
  const digests = upload.result();
  received.push({ form: Buffer.isBuffer(input.Body) ? 'bytes' : 'stream', body: Buffer.concat(chunks), contentLength: input.ContentLength, contentEncoding: input.ContentEncoding, digests });
  return { ETag: `"${digests.md5.toString('hex')}"`, ...checksumOutput(digests.checksum) };
}

async function probePutObjectTagging(input: PutObjectTaggingRequest) {
  tagging.push(input);
  return {};
}

const handlers = s3.handlers as Record<string, unknown>;
const saved = { PutObject: handlers.PutObject, PutObjectTagging: handlers.PutObjectTagging };
let user: Keys;

beforeAll(async () => {
  handlers.PutObject = probePutObject;
  handlers.PutObjectTagging = probePutObjectTagging;
  await client().send(new CreateBucketCommand({ Bucket: BUCKET }));
  user = await userWithPolicies(nimbus, 'uploader', { all: policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) });
});
afterAll(() => Object.assign(handlers, saved));

function client(credentials?: Keys): S3Client {
  return new S3Client(nimbus.clientConfig({ forcePathStyle: true, ...(credentials ? { credentials } : {}) }));
}

async function sdkCrc32(data: Buffer): Promise<string> {
  const c = new Crc32();
  c.update(data);
  return Buffer.from(await c.digest()).toString('base64');
}

async function putStream(s3: S3Client, pieces: Buffer[], extra: Partial<PutObjectRequest> = {}) {
  received = [];
  const size = pieces.reduce((n, p) => n + p.length, 0);
  const out = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'k', Body: Readable.from(pieces), ContentLength: size, ...extra }));
  expect(received.length).toBe(1);
  return { out, seen: received[0]! };
}

const pieces = () => [randomBytes(65_536), randomBytes(65_536), randomBytes(1000)];

describe('how an upload reaches the handler', () => {
  it('a small body that arrived with its request comes as bytes', async () => {
    const data = randomBytes(1024);
    const headers = {
      host: new URL(nimbus.current.endpoint).host,
      'x-amz-content-sha256': createHash('sha256').update(data).digest('hex'),
      'x-amz-date': '20260101T000000Z',
      authorization: sigV4Header('s3'),
      'content-length': data.length,
    };
    received = [];
    // (raw() writes the head and the body in one go: the body is there when the request is.)
    const ok = await raw(nimbus.current.endpoint, { method: 'PUT', path: `/${BUCKET}/k`, headers, body: data });
    expect(ok.status).toBe(200);
    expect(received.map((r) => r.form)).toEqual(['bytes']);
    expect(received[0]!.body.equals(data)).toBe(true);
    expect(ok.headers.etag).toBe(`"${createHash('md5').update(data).digest('hex')}"`);
  });

  it.each([
    [1024, 'test'],
    [1024, 'user'],
    [65_536, 'test'],
    [65_537, 'test'],
  ] as const)('a %i-byte body from the SDK (%s key) arrives whole and checked, whichever form it takes; past 64 KiB always a stream', async (size, who) => {
    received = [];
    const data = randomBytes(size);
    const out = await client(who === 'user' ? user : undefined).send(new PutObjectCommand({ Bucket: BUCKET, Key: 'k', Body: data }));
    expect(received).toHaveLength(1);
    if (size > 65_536) expect(received[0]!.form).toBe('stream');
    expect(received[0]!.body.equals(data)).toBe(true);
    expect(out.ETag).toBe(`"${createHash('md5').update(data).digest('hex')}"`);
    expect(out.ChecksumCRC32).toBe(await sdkCrc32(data));
  });
});

describe('the SDK’s aws-chunked uploads (STREAMING-UNSIGNED-PAYLOAD-TRAILER)', () => {
  it.each([
    ['a conventional key', undefined],
    ['an IAM user’s key', 'user'],
  ] as const)('with %s: the handler gets the object’s bytes and length, and the CRC32 trailer', async (_name, who) => {
    const body = pieces();
    const data = Buffer.concat(body);
    const { out, seen } = await putStream(client(who ? user : undefined), body);
    expect(seen.body.equals(data)).toBe(true);
    expect(seen.contentLength).toBe(data.length);
    expect(seen.contentEncoding).toBeUndefined(); // aws-chunked is not part of the object
    expect(seen.digests.checksum).toEqual({ algorithm: 'CRC32', value: await sdkCrc32(data), type: 'FULL_OBJECT' });
    expect(out.ChecksumCRC32).toBe(await sdkCrc32(data));
    expect(out.ETag).toBe(`"${createHash('md5').update(data).digest('hex')}"`);
  });

  it.each(['CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const)('with ChecksumAlgorithm %s', async (algorithm) => {
    const body = pieces();
    const { out, seen } = await putStream(client(), body, { ChecksumAlgorithm: algorithm });
    const expected = checksumOf(algorithm, Buffer.concat(body)).toString('base64');
    expect(seen.digests.checksum).toEqual({ algorithm, value: expected, type: 'FULL_OBJECT' });
    expect(out[`Checksum${algorithm}`]).toBe(expected);
  });

  it('keeps the object’s own Content-Encoding and drops aws-chunked', async () => {
    const { seen } = await putStream(client(), pieces(), { ContentEncoding: 'gzip' });
    expect(seen.contentEncoding).toBe('gzip');
  });

  it('a non-final chunk under 8 KiB → InvalidChunkSizeError, as S3 answers the SDK', async () => {
    const small = [Buffer.from('hello'), Buffer.from('world')];
    const e = await failure(client().send(new PutObjectCommand({ Bucket: BUCKET, Key: 'k', Body: Readable.from(small), ContentLength: 10 })));
    expect(e).toMatchObject({ name: 'InvalidChunkSizeError', status: 400 });
  });

  it('a body sent in one piece carries its checksum as a header instead', async () => {
    received = [];
    const data = randomBytes(5000);
    const out = await client().send(new PutObjectCommand({ Bucket: BUCKET, Key: 'k', Body: data }));
    expect(received[0]!.body.equals(data)).toBe(true);
    expect(out.ChecksumCRC32).toBe(await sdkCrc32(data));
  });
});

describe('hand-built aws-chunked requests', () => {
  const data = Buffer.concat([Buffer.alloc(9000, 'a'), Buffer.alloc(10, 'b')]);
  const chunks = [data.subarray(0, 9000), data.subarray(9000)];
  const crc = () => checksumOf('CRC32', data).toString('base64');

  function chunkedHeaders(payload: string, body: Buffer, extra: Record<string, string> = {}): Record<string, string | number> {
    return {
      host: new URL(nimbus.current.endpoint).host,
      'x-amz-content-sha256': payload,
      'x-amz-decoded-content-length': data.length,
      'content-encoding': 'aws-chunked',
      'content-length': body.length,
      'x-amz-date': '20260101T000000Z',
      authorization: sigV4Header('s3'),
      ...extra,
    };
  }

  it('STREAMING-AWS4-HMAC-SHA256-PAYLOAD with a conventional key: decoded, the chunk signatures not checked', async () => {
    received = [];
    const fake: SigV4Verified = { ...verifiedFor('test', 'not the secret', '20260101T000000Z'), seedSignature: '0'.repeat(64) };
    const body = encodeChunked(chunks, fake);
    const r = await raw(nimbus.current.endpoint, { method: 'PUT', path: `/${BUCKET}/k`, headers: chunkedHeaders('STREAMING-AWS4-HMAC-SHA256-PAYLOAD', body), body });
    expect(r.status).toBe(200);
    expect(received[0]!.body.equals(data)).toBe(true);
    expect(received[0]!.digests.checksum?.algorithm).toBe('CRC64NVME'); // nothing declared: S3's default
  });

  it('a wrong CRC32 trailer → BadDigest with S3’s message', async () => {
    received = [];
    const body = encodeChunked(chunks, undefined, { 'x-amz-checksum-crc32': 'AAAAAA==' });
    const headers = chunkedHeaders('STREAMING-UNSIGNED-PAYLOAD-TRAILER', body, { 'x-amz-trailer': 'x-amz-checksum-crc32' });
    const r = await raw(nimbus.current.endpoint, { method: 'PUT', path: `/${BUCKET}/k`, headers, body });
    expect(r.status).toBe(400);
    expect(r.body).toContain('<Code>BadDigest</Code>');
    expect(r.body).toContain('<Message>The CRC32 you specified did not match the calculated checksum.</Message>');
  });

  it('a body cut short → IncompleteBody, before any handler sees it complete', async () => {
    received = [];
    const body = encodeChunked(chunks, undefined, { 'x-amz-checksum-crc32': crc() });
    const headers = chunkedHeaders('STREAMING-UNSIGNED-PAYLOAD-TRAILER', body, { 'x-amz-trailer': 'x-amz-checksum-crc32', 'x-amz-decoded-content-length': String(data.length + 5) });
    const r = await raw(nimbus.current.endpoint, { method: 'PUT', path: `/${BUCKET}/k`, headers, body });
    expect(r.status).toBe(400);
    expect(r.body).toContain('<Code>IncompleteBody</Code>');
    expect(received).toEqual([]);
  });

  it('an IAM user’s signed chunks are verified: intact → decoded; one byte changed → SignatureDoesNotMatch', async () => {
    for (const tamper of [false, true]) {
      received = [];
      const { headers, body } = await signedChunkedPut(tamper);
      const r = await raw(nimbus.current.endpoint, { method: 'PUT', path: `/${BUCKET}/k`, headers, body });
      if (tamper) {
        expect(r.status).toBe(403);
        expect(r.body).toContain('<Code>SignatureDoesNotMatch</Code>');
        expect(received).toEqual([]);
      } else {
        expect(r.status).toBe(200);
        expect(received[0]!.body.equals(data)).toBe(true);
        expect(received[0]!.digests.checksum?.value).toBe(crc());
      }
    }
  });

  it('a non-streaming operation sent aws-chunked (PutObjectTagging) gets the decoded document', async () => {
    // No SDK sends a document aws-chunked (the JS SDK chunks only stream bodies, botocore only
    // streams over https), but a client may; S3 decodes it like any other body.
    tagging = [];
    const xml = Buffer.from('<Tagging><TagSet><Tag><Key>a</Key><Value>b</Value></Tag></TagSet></Tagging>');
    const body = encodeChunked([xml], undefined, { 'x-amz-checksum-crc32': checksumOf('CRC32', xml).toString('base64') });
    const headers = { ...chunkedHeaders('STREAMING-UNSIGNED-PAYLOAD-TRAILER', body, { 'x-amz-trailer': 'x-amz-checksum-crc32' }), 'x-amz-decoded-content-length': xml.length };
    const r = await raw(nimbus.current.endpoint, { method: 'PUT', path: `/${BUCKET}/k?tagging`, headers, body });
    expect(r.status).toBe(200);
    expect(tagging[0]).toMatchObject({ Bucket: BUCKET, Key: 'k', Tagging: { TagSet: [{ Key: 'a', Value: 'b' }] } });
  });

  it('the SDK sends PutObjectTagging as a plain body, left as it is', async () => {
    tagging = [];
    await client().send(new PutObjectTaggingCommand({ Bucket: BUCKET, Key: 'k', Tagging: { TagSet: [{ Key: 'x', Value: 'y' }] } }));
    expect(tagging[0]).toMatchObject({ Tagging: { TagSet: [{ Key: 'x', Value: 'y' }] } });
  });

  /** The pieces of a verified request, as a signer makes them: the key, the date, the scope. */
  function verifiedFor(accessKeyId: string, secret: string, amzDate: string): SigV4Verified {
    const day = amzDate.slice(0, 8);
    return {
      algorithm: 'AWS4-HMAC-SHA256',
      accessKeyId,
      signingKey: signingKey(secret, day, nimbus.current.region, 's3'),
      amzDate,
      requestTime: Date.parse(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`),
      scope: `${day}/${nimbus.current.region}/s3/aws4_request`,
      seedSignature: '',
      payloadHash: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
    };
  }

  /** A PUT signed by the SDK's signer as the IAM user, its chunks and trailer signed from that seed. */
  async function signedChunkedPut(tamper: boolean): Promise<{ headers: Record<string, string>; body: Buffer }> {
    const host = new URL(nimbus.current.endpoint).host;
    const decodedLength = String(data.length);
    // Sign the headers first (the body's length must be known: every part but the signatures has a fixed size).
    const signer = sdkSigner({ service: 's3', region: nimbus.current.region, accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey, s3: true });
    const probe = encodeChunked(chunks, { ...verifiedFor(user.accessKeyId, user.secretAccessKey, '20260101T000000Z'), seedSignature: '0'.repeat(64) }, { 'x-amz-checksum-crc32': crc() });
    const headers: Record<string, string> = {
      host,
      'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
      'x-amz-decoded-content-length': decodedLength,
      'x-amz-trailer': 'x-amz-checksum-crc32',
      'content-encoding': 'aws-chunked',
      'content-length': String(probe.length),
    };
    const signed = await signer.sign(toSdk({ method: 'PUT', hostname: host, path: `/${BUCKET}/k`, headers }));
    const signedHeaders = signed.headers as Record<string, string>;
    const seed = /Signature=([0-9a-f]{64})/.exec(signedHeaders.authorization!)![1]!;
    const verified = { ...verifiedFor(user.accessKeyId, user.secretAccessKey, signedHeaders['x-amz-date']!), seedSignature: seed };
    const body = encodeChunked(chunks, verified, { 'x-amz-checksum-crc32': crc() });
    expect(body.length).toBe(probe.length);
    if (tamper) body[body.indexOf('aaaa') + 10] = 0x62;
    return { headers: signedHeaders, body };
  }
});
