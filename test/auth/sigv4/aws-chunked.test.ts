/**
 * aws-chunked failure modes, each with S3's error: a changed data byte, chunk signature or trailer
 * (SignatureDoesNotMatch), broken framing and short bodies (IncompleteBody), a decoded length
 * other than announced, a small non-final chunk, bad trailers, a missing decoded length. The chunk
 * signing used to build these bodies is the one checked against AWS's published example in
 * s3-vectors.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { authErrors } from '../../../src/auth/errors.js';
import { AwsChunkedDecoder, signedBodyDecoder, signingKey, type AwsChunkedOptions, type SigV4Verified } from '../../../src/auth/sigv4/index.js';
import type { ServiceError } from '../../../src/shared/errors.js';
import { encodeChunked, runDecoder } from './chunked-helpers.js';
import { prng } from './raw-request.js';

const errors = authErrors('s3', 'rest-xml');
const verified: SigV4Verified = {
  algorithm: 'AWS4-HMAC-SHA256',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  signingKey: signingKey('secret', '20240301', 'us-east-1', 's3'),
  amzDate: '20240301T120000Z',
  requestTime: Date.UTC(2024, 2, 1, 12),
  scope: '20240301/us-east-1/s3/aws4_request',
  seedSignature: 'a'.repeat(64),
  payloadHash: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
};
const chunks = [Buffer.alloc(9000, 'x'), Buffer.alloc(8192, 'y'), Buffer.alloc(10, 'z')];
const decodedLength = 9000 + 8192 + 10;
const trailers = { 'x-amz-checksum-crc32': 'AAAAAA==' };

async function decode(options: Partial<AwsChunkedOptions>, body: Buffer, seed = 1): Promise<ServiceError | Buffer> {
  const decoder = new AwsChunkedDecoder({ mode: 'signed-trailer', errors, verified, decodedContentLength: decodedLength, declaredTrailers: ['x-amz-checksum-crc32'], ...options });
  return runDecoder(decoder, body, prng(seed), 300).catch((e: ServiceError) => e);
}

const replaceAt = (body: Buffer, marker: string, replacement: string) => {
  const at = body.indexOf(marker);
  expect(at).toBeGreaterThanOrEqual(0);
  return Buffer.concat([body.subarray(0, at), Buffer.from(replacement), body.subarray(at + marker.length)]);
};

describe('aws-chunked decoding', () => {
  const good = encodeChunked(chunks, verified, trailers);

  it('decodes the untouched body and exposes the trailer', async () => {
    const decoder = new AwsChunkedDecoder({ mode: 'signed-trailer', errors, verified, decodedContentLength: decodedLength, declaredTrailers: ['x-amz-checksum-crc32'] });
    expect(await runDecoder(decoder, good, prng(9), 50)).toEqual(Buffer.concat(chunks));
    expect(decoder.trailers.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
  });

  it('one changed data byte → SignatureDoesNotMatch naming the chunk string to sign', async () => {
    const body = Buffer.from(good);
    body[good.indexOf('yyyy') + 100] = 0x79 ^ 1;
    const e = (await decode({}, body)) as ServiceError;
    expect(e).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 403, fields: { AWSAccessKeyId: 'AKIAIOSFODNN7EXAMPLE' } });
    expect((e.fields.StringToSign as string).startsWith('AWS4-HMAC-SHA256-PAYLOAD\n20240301T120000Z\n20240301/us-east-1/s3/aws4_request\n')).toBe(true);
  });

  it('a changed chunk signature, or the chain restarted from another seed → SignatureDoesNotMatch', async () => {
    const sig = /chunk-signature=([0-9a-f]{64})/.exec(good.toString('latin1'))![1]!;
    expect(await decode({}, replaceAt(good, sig, sig.slice(0, 63) + (sig.endsWith('0') ? '1' : '0')))).toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect(await decode({ verified: { ...verified, seedSignature: 'b'.repeat(64) } }, good)).toMatchObject({ code: 'SignatureDoesNotMatch' });
  });

  it('a changed trailer value → SignatureDoesNotMatch on the trailer signature', async () => {
    const e = (await decode({}, replaceAt(good, 'AAAAAA==', 'AAAAAB=='))) as ServiceError;
    expect(e).toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect((e.fields.StringToSign as string).startsWith('AWS4-HMAC-SHA256-TRAILER\n')).toBe(true);
  });

  it('a body cut short, broken framing or bytes after the end → IncompleteBody', async () => {
    const terminated = { code: 'IncompleteBody', statusCode: 400, message: 'The request body terminated unexpectedly' };
    expect(await decode({}, good.subarray(0, good.length - 1))).toMatchObject(terminated);
    expect(await decode({}, good.subarray(0, 5000))).toMatchObject(terminated);
    expect(await decode({}, replaceAt(good, 'x\r\n', 'xx\n'))).toMatchObject(terminated);
    expect(await decode({}, replaceAt(good, '2328;', 'zz28;'))).toMatchObject(terminated);
    expect(await decode({}, replaceAt(good, ';chunk-signature=', ';chunk-signatur='))).toMatchObject(terminated);
    expect(await decode({}, Buffer.concat([good, Buffer.from('extra')]))).toMatchObject(terminated);
    expect(await decode({}, Buffer.alloc(5000, '1'))).toMatchObject(terminated);
  });

  it('a decoded length other than x-amz-decoded-content-length → IncompleteBody with both counts', async () => {
    expect(await decode({ decodedContentLength: decodedLength + 1 }, good)).toMatchObject({
      code: 'IncompleteBody',
      message: 'You did not provide the number of bytes specified by the Content-Length HTTP header',
      fields: { NumberBytesExpected: decodedLength + 1, NumberBytesProvided: decodedLength },
    });
  });

  it('a non-final chunk under 8 KiB → InvalidChunkSizeError', async () => {
    const small = encodeChunked([Buffer.alloc(1000, 'a'), Buffer.alloc(1000, 'b')], verified, trailers);
    expect(await decode({ decodedContentLength: 2000 }, small)).toMatchObject({
      code: 'InvalidChunkSizeError',
      message: 'Only the last chunk is allowed to have a size less than 8192 bytes',
      fields: { Chunk: 2, BadChunkSize: 1000 },
    });
    expect(await decode({ decodedContentLength: 2000, minChunkSize: 0 }, small)).toEqual(Buffer.concat([Buffer.alloc(1000, 'a'), Buffer.alloc(1000, 'b')]));
  });

  it('trailers not announced in x-amz-trailer, announced but missing, or unsigned → MalformedTrailerError', async () => {
    const malformed = { code: 'MalformedTrailerError', message: 'The request contained trailing data that was not well-formed or did not conform to our published schema.' };
    expect(await decode({}, encodeChunked(chunks, verified, { 'x-amz-checksum-sha1': 'x' }))).toMatchObject(malformed);
    expect(await decode({ declaredTrailers: ['x-amz-checksum-crc32', 'x-amz-checksum-sha256'] }, good)).toMatchObject(malformed);
    const unsignedTrailer = Buffer.from(good.toString('latin1').replace(/x-amz-trailer-signature:[0-9a-f]{64}\r\n/, ''), 'latin1');
    expect(unsignedTrailer.length).toBe(good.length - 90);
    expect(await decode({}, unsignedTrailer)).toMatchObject(malformed);
  });

  it('STREAMING-UNSIGNED-PAYLOAD-TRAILER: no chunk signatures, trailers parsed', async () => {
    const body = encodeChunked(chunks, undefined, trailers);
    const decoder = new AwsChunkedDecoder({ mode: 'unsigned-trailer', errors, decodedContentLength: decodedLength, declaredTrailers: ['x-amz-checksum-crc32'] });
    expect(await runDecoder(decoder, body, prng(4), 13)).toEqual(Buffer.concat(chunks));
    expect(Object.fromEntries(decoder.trailers)).toEqual(trailers);
    expect(await decode({ mode: 'unsigned-trailer', verified: undefined }, good)).toMatchObject({ code: 'IncompleteBody' }); // signatures where none belong
  });

  it('STREAMING-AWS4-HMAC-SHA256-PAYLOAD has no trailers', async () => {
    const plain = encodeChunked(chunks, verified);
    expect(await decode({ mode: 'signed', declaredTrailers: undefined }, plain)).toEqual(Buffer.concat(chunks));
    expect(await decode({ mode: 'signed', declaredTrailers: undefined }, good)).toMatchObject({ code: 'IncompleteBody' });
  });

  it('signedBodyDecoder reads x-amz-decoded-content-length and x-amz-trailer; without a valid length → MissingContentLength', async () => {
    const headers = { 'x-amz-decoded-content-length': String(decodedLength), 'x-amz-trailer': 'x-amz-checksum-crc32' };
    const decoder = signedBodyDecoder(verified, headers, errors)!;
    expect(await runDecoder(decoder, good, prng(5), 700)).toEqual(Buffer.concat(chunks));
    expect(() => signedBodyDecoder(verified, {}, errors)).toThrow(expect.objectContaining({ code: 'MissingContentLength', statusCode: 411 }));
    expect(() => signedBodyDecoder(verified, { 'x-amz-decoded-content-length': 'abc' }, errors)).toThrow(expect.objectContaining({ code: 'MissingContentLength' }));
    expect(signedBodyDecoder({ ...verified, payloadHash: 'UNSIGNED-PAYLOAD' }, {}, errors)).toBeUndefined();
    expect(() => signedBodyDecoder({ ...verified, payloadHash: 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD' }, headers, errors)).toThrow(expect.objectContaining({ code: 'NotImplemented', statusCode: 501 }));
  });
});
