/**
 * aws-chunked bodies of requests whose signature Nimbus does not verify (conventional keys such as
 * `test`, anonymous requests): still decoded, framing, decoded length and trailers still checked,
 * chunk signatures only read past. And decodeS3Body, which applies the right decoder to a streamed
 * or buffered S3 body and describes the decoded body in the headers.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { authErrors } from '../../../src/auth/errors.js';
import { AwsChunkedDecoder, decodeS3Body, signingKey, unverifiedBodyDecoder, type DecodableRequest, type SigV4Verified } from '../../../src/auth/sigv4/index.js';
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
const data = Buffer.concat(chunks);
const trailers = { 'x-amz-checksum-crc32': 'AAAAAA==' };
const signedTrailer = encodeChunked(chunks, verified, trailers);

const headersFor = (payload: string, extra: IncomingHttpHeaders = {}): IncomingHttpHeaders => ({
  'x-amz-content-sha256': payload,
  'x-amz-decoded-content-length': String(data.length),
  'content-encoding': 'aws-chunked',
  ...extra,
});

async function decode(headers: IncomingHttpHeaders, body: Buffer, seed = 1): Promise<Buffer | ServiceError> {
  const decoder = unverifiedBodyDecoder(headers, errors);
  if (!decoder) throw new Error('no decoder');
  return runDecoder(decoder, body, prng(seed), 500).catch((e: ServiceError) => e);
}

describe('aws-chunked bodies of unverified requests', () => {
  it('decode signed chunks without checking their signatures, and keep the trailers', async () => {
    const decoder = unverifiedBodyDecoder(headersFor('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', { 'x-amz-trailer': 'x-amz-checksum-crc32' }), errors)!;
    expect(await runDecoder(decoder, signedTrailer, prng(2), 333)).toEqual(data);
    expect(Object.fromEntries(decoder.trailers)).toEqual(trailers);
    expect(decoder.declaredTrailers).toEqual(['x-amz-checksum-crc32']);
    // A signature from another secret decodes the same: nothing is verified for these keys.
    const otherKey = encodeChunked(chunks, { ...verified, signingKey: signingKey('other', '20240301', 'us-east-1', 's3') }, trailers);
    expect(await decode(headersFor('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER'), otherKey)).toEqual(data);
  });

  it('decode STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER and SigV4a’s variable-length signatures', async () => {
    expect(await decode(headersFor('STREAMING-AWS4-HMAC-SHA256-PAYLOAD'), encodeChunked(chunks, verified))).toEqual(data);
    expect(await decode(headersFor('STREAMING-UNSIGNED-PAYLOAD-TRAILER'), encodeChunked(chunks, undefined, trailers))).toEqual(data);
    const ecdsa = Buffer.from(encodeChunked(chunks, verified).toString('latin1').replace(/chunk-signature=[0-9a-f]{64}/g, `chunk-signature=${'3045'.padEnd(142, 'c')}`), 'latin1');
    expect(await decode(headersFor('STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD'), ecdsa)).toEqual(data);
  });

  it('still check the framing: a cut body, a missing or non-hex signature, bytes after the end → IncompleteBody', async () => {
    const h = headersFor('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER');
    const terminated = { code: 'IncompleteBody', message: 'The request body terminated unexpectedly' };
    expect(await decode(h, signedTrailer.subarray(0, signedTrailer.length - 3))).toMatchObject(terminated);
    expect(await decode(h, encodeChunked(chunks, undefined, trailers))).toMatchObject(terminated);
    expect(await decode(h, Buffer.from(signedTrailer.toString('latin1').replace('chunk-signature=', 'chunk-signature=zz'), 'latin1'))).toMatchObject(terminated);
    expect(await decode(h, Buffer.concat([signedTrailer, Buffer.from('x')]))).toMatchObject(terminated);
  });

  it('still check the decoded length, the chunk sizes, the trailers and x-amz-decoded-content-length', async () => {
    const h = headersFor('STREAMING-UNSIGNED-PAYLOAD-TRAILER', { 'x-amz-decoded-content-length': String(data.length + 1) });
    expect(await decode(h, encodeChunked(chunks, undefined, trailers))).toMatchObject({ code: 'IncompleteBody', fields: { NumberBytesExpected: data.length + 1, NumberBytesProvided: data.length } });
    const small = encodeChunked([Buffer.alloc(100), Buffer.alloc(100)], undefined);
    expect(await decode(headersFor('STREAMING-UNSIGNED-PAYLOAD-TRAILER', { 'x-amz-decoded-content-length': '200' }), small)).toMatchObject({
      code: 'InvalidChunkSizeError',
      fields: { Chunk: 2, BadChunkSize: 100 },
    });
    const announced = headersFor('STREAMING-UNSIGNED-PAYLOAD-TRAILER', { 'x-amz-trailer': 'x-amz-checksum-sha256' });
    expect(await decode(announced, encodeChunked(chunks, undefined, trailers))).toMatchObject({ code: 'MalformedTrailerError' });
    const unsignedTrailer = Buffer.from(signedTrailer.toString('latin1').replace(/x-amz-trailer-signature:[0-9a-f]{64}\r\n/, ''), 'latin1');
    expect(await decode(headersFor('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER'), unsignedTrailer)).toMatchObject({ code: 'MalformedTrailerError' });
    expect(() => unverifiedBodyDecoder({ 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' }, errors)).toThrow(
      expect.objectContaining({ code: 'MissingContentLength', statusCode: 411 }),
    );
  });

  it('leave other bodies alone', () => {
    expect(unverifiedBodyDecoder({ 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }, errors)).toBeUndefined();
    expect(unverifiedBodyDecoder({ 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }, errors)).toBeUndefined();
    expect(unverifiedBodyDecoder({}, errors)).toBeUndefined();
  });

  it('decodeAll decodes a body already in memory', () => {
    const decoder = new AwsChunkedDecoder({ mode: 'signed-trailer', errors, checkSignatures: false, decodedContentLength: data.length });
    expect(decoder.decodeAll(signedTrailer)).toEqual(data);
    expect(decoder.trailers.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
    const cut = new AwsChunkedDecoder({ mode: 'signed-trailer', errors, checkSignatures: false });
    expect(() => cut.decodeAll(signedTrailer.subarray(0, 100))).toThrow(expect.objectContaining({ code: 'IncompleteBody' }));
  });

  it('checking signatures still needs the verified request', () => {
    expect(() => new AwsChunkedDecoder({ mode: 'signed', errors })).toThrow(/needs the verified SigV4/);
  });
});

describe('decodeS3Body', () => {
  const streamed = (headers: IncomingHttpHeaders, body: Buffer): DecodableRequest => ({ headers, body: undefined, bodyStream: Readable.from([body]) });
  const read = async (stream: Readable | undefined) => {
    const out: Buffer[] = [];
    for await (const b of stream!) out.push(b as Buffer);
    return Buffer.concat(out);
  };

  it('pipes a streamed unverified body through the decoder; the headers then describe the decoded body', async () => {
    const raw = { ...headersFor('STREAMING-UNSIGNED-PAYLOAD-TRAILER', { 'content-encoding': 'gzip,aws-chunked', 'x-amz-trailer': 'x-amz-checksum-crc32' }), 'transfer-encoding': 'chunked' };
    const req = streamed(raw, encodeChunked(chunks, undefined, trailers));
    decodeS3Body(req, errors, undefined);
    expect(await read(req.bodyStream)).toEqual(data);
    expect(req.bodyStream).toBeInstanceOf(AwsChunkedDecoder);
    expect((req.bodyStream as AwsChunkedDecoder).trailers.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
    expect(req.headers['content-length']).toBe(String(data.length));
    expect(req.headers['content-encoding']).toBe('gzip');
    expect(raw['content-encoding']).toBe('gzip,aws-chunked'); // the request's own headers are left as received
  });

  it('checks chunk signatures when the request was verified', async () => {
    const req = streamed(headersFor('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER'), encodeChunked(chunks, { ...verified, seedSignature: 'b'.repeat(64) }, trailers));
    decodeS3Body(req, errors, verified);
    await expect(read(req.bodyStream)).rejects.toMatchObject({ code: 'SignatureDoesNotMatch' });
  });

  it('passes an error of the raw body on to the decoded stream', async () => {
    const source = new PassThrough();
    const req: DecodableRequest = { headers: headersFor('STREAMING-UNSIGNED-PAYLOAD-TRAILER'), body: undefined, bodyStream: source };
    decodeS3Body(req, errors, undefined);
    const failure = new Error('aborted');
    setImmediate(() => source.destroy(failure));
    await expect(read(req.bodyStream)).rejects.toBe(failure);
  });

  it('decodes a buffered body at once; its checksum trailers become headers, others do not', () => {
    const body = encodeChunked([Buffer.from('<Tagging/>')], undefined, { 'x-amz-checksum-crc32': 'AAAAAA==', 'content-type': 'text/evil' });
    const req: DecodableRequest = { headers: { ...headersFor('STREAMING-UNSIGNED-PAYLOAD-TRAILER'), 'x-amz-decoded-content-length': '10' }, body, bodyStream: undefined };
    decodeS3Body(req, errors, undefined);
    expect(req.body?.toString()).toBe('<Tagging/>');
    expect(req.headers['x-amz-checksum-crc32']).toBe('AAAAAA==');
    expect(req.headers['content-type']).toBeUndefined();
    expect(req.headers['content-encoding']).toBeUndefined();
    expect(req.headers['content-length']).toBe('10');
  });

  it('leaves plain bodies alone, and still checks a verified hex x-amz-content-sha256 of a buffered body', () => {
    const plain: DecodableRequest = { headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-length': '3' }, body: Buffer.from('abc'), bodyStream: undefined };
    const before = plain.headers;
    decodeS3Body(plain, errors, undefined);
    expect(plain.headers).toBe(before);
    expect(plain.body?.toString()).toBe('abc');
    const hex = 'f'.repeat(64);
    const signed: DecodableRequest = { headers: { 'x-amz-content-sha256': hex }, body: Buffer.from('abc'), bodyStream: undefined };
    expect(() => decodeS3Body(signed, errors, { ...verified, payloadHash: hex })).toThrow(expect.objectContaining({ code: 'XAmzContentSHA256Mismatch' }));
  });
});
