/**
 * The worked examples of the S3 API Reference (../shared/testdata/sigv4/s3-docs): header-signed
 * requests, a presigned URL, and aws-chunked uploads with their chunk and trailer signatures, the
 * chunked bodies fed to the decoder in pieces of random sizes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { authErrors } from '../../../src/auth/errors.js';
import {
  AwsChunkedDecoder,
  ContentSha256Verifier,
  checkContentSha256,
  checkSigV4Request,
  chunkStringToSign,
  describeSigV4,
  payloadHashFor,
  signedBodyDecoder,
  trailerStringToSign,
  verifySigV4Signature,
  type SigV4Verified,
} from '../../../src/auth/sigv4/index.js';
import { ServiceError } from '../../../src/shared/errors.js';
import { encodeChunked, runDecoder } from './chunked-helpers.js';
import { credentialOf, nodeHeaders, prng, type RawRequest } from './raw-request.js';

const FILE = fileURLToPath(new URL('../../../../shared/testdata/sigv4/s3-docs/s3-sigv4-vectors.json', import.meta.url));

interface SignedCase {
  name: string;
  kind: 'authorization-header' | 'query-string';
  method: string;
  canonical_uri: string;
  signed_headers?: Record<string, string>;
  canonical_request: string;
  string_to_sign: string;
  signature: string;
  authorization?: string;
  body?: string;
  request_path?: string;
  url?: string;
}

interface ChunkedCase {
  name: string;
  kind: 'aws-chunked';
  seed: SignedCase;
  chunks: { size: number; string_to_sign: string; signature: string }[];
  trailer?: { headers: Record<string, string>; canonical_trailer: string; string_to_sign: string; signature: string };
  encoded_body_length: number;
  encoded_body_sha256: string;
}

interface Vectors {
  credentials: { access_key_id: string; secret_access_key: string };
  amz_date: string;
  signing_key_hex: string;
  cases: (SignedCase | ChunkedCase)[];
}

const vectors = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Vectors) : undefined;
const errors = authErrors('s3', 'rest-xml');
const NOW = Date.UTC(2013, 4, 24, 0, 0, 30);
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

function requestOf(c: SignedCase): RawRequest {
  if (c.kind === 'query-string') {
    const url = new URL(c.url!);
    const rawHeaders = ['Host', url.host];
    return { method: c.method, path: url.pathname, rawPath: url.pathname, rawQuery: url.search.slice(1), headers: nodeHeaders(rawHeaders), rawHeaders, body: Buffer.alloc(0) };
  }
  const target = c.request_path ?? c.canonical_uri;
  const q = target.indexOf('?');
  const rawHeaders: string[] = [];
  for (const [name, value] of Object.entries(c.signed_headers!)) rawHeaders.push(name, value);
  rawHeaders.push('Authorization', c.authorization!);
  const rawPath = q === -1 ? target : target.slice(0, q);
  return { method: c.method, path: rawPath, rawPath, rawQuery: q === -1 ? '' : target.slice(q + 1), headers: nodeHeaders(rawHeaders), rawHeaders, body: Buffer.from(c.body ?? '') };
}

function verifyCase(c: SignedCase): { req: RawRequest; verified: SigV4Verified } {
  const req = requestOf(c);
  const prepared = checkSigV4Request(req, credentialOf(req), { errors, now: NOW, rawHeaders: req.rawHeaders, signingName: 's3', expectedRegion: 'us-east-1' });
  const payloadHash = payloadHashFor(req, prepared)!;
  const described = describeSigV4(prepared, payloadHash);
  expect(described.canonicalRequest).toBe(c.canonical_request);
  expect(described.stringToSign).toBe(c.string_to_sign);
  const verified = verifySigV4Signature(prepared, vectors!.credentials.secret_access_key, payloadHash);
  expect(verified.seedSignature).toBe(c.signature);
  return { req, verified };
}

describe.skipIf(!vectors)('S3 API Reference SigV4 examples', () => {
  const signedCases = (vectors?.cases ?? []).filter((c): c is SignedCase => c.kind !== 'aws-chunked');
  const chunkedCases = (vectors?.cases ?? []).filter((c): c is ChunkedCase => c.kind === 'aws-chunked');
  it('covers the five signed examples and the two chunked ones', () => {
    expect(signedCases).toHaveLength(5);
    expect(chunkedCases).toHaveLength(2);
  });

  for (const c of signedCases) {
    it(c.name, () => {
      const { req, verified } = verifyCase(c);
      expect(verified.signingKey!.toString('hex')).toBe(vectors!.signing_key_hex);
      if (c.body !== undefined) checkContentSha256(req.body, verified.payloadHash, errors);
    });
  }

  it('s3-put-object: the body streams through the x-amz-content-sha256 check', async () => {
    const { req, verified } = verifyCase(signedCases.find((c) => c.name === 's3-put-object')!);
    const decoder = signedBodyDecoder(verified, req.headers, errors);
    expect(decoder).toBeInstanceOf(ContentSha256Verifier);
    expect(await runDecoder(decoder!, req.body, prng(1), 5)).toEqual(req.body);
    const tampered = Buffer.from(req.body);
    tampered[3] = tampered[3]! ^ 1;
    const error = await runDecoder(signedBodyDecoder(verified, req.headers, errors)!, tampered, prng(2), 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'XAmzContentSHA256Mismatch', statusCode: 400, fields: { ClientComputedContentSHA256: verified.payloadHash, S3ComputedContentSHA256: sha256(tampered) } });
    expect(() => checkContentSha256(tampered, verified.payloadHash, errors)).toThrow(/does not match what was computed/);
  });

  for (const c of chunkedCases) {
    describe(c.name, () => {
      const data = Buffer.alloc(c.chunks.reduce((n, k) => n + k.size, 0), 'a');
      const encode = (verified: SigV4Verified) => encodeChunked([data.subarray(0, 65536), data.subarray(65536)], verified, c.trailer?.headers);

      it('the seed request verifies and every chunk string to sign matches', () => {
        const { verified } = verifyCase(c.seed);
        let previous = verified.seedSignature;
        let offset = 0;
        for (const chunk of c.chunks) {
          expect(chunkStringToSign(verified, previous, sha256(data.subarray(offset, offset + chunk.size)))).toBe(chunk.string_to_sign);
          previous = chunk.signature;
          offset += chunk.size;
        }
        if (c.trailer) expect(trailerStringToSign(verified, previous, sha256(c.trailer.canonical_trailer))).toBe(c.trailer.string_to_sign);
        const body = encode(verified);
        expect(body.length).toBe(c.encoded_body_length);
        expect(sha256(body)).toBe(c.encoded_body_sha256);
        expect(body.toString('latin1')).toContain(`;chunk-signature=${c.chunks[2]!.signature}\r\n`);
        if (c.trailer) expect(body.toString('latin1')).toContain(`x-amz-trailer-signature:${c.trailer.signature}\r\n\r\n`);
      });

      for (const [seed, maxPiece] of [[1, 7], [2, 97], [3, 1500], [4, 9000], [5, 70000]] as const) {
        it(`decodes in pieces of up to ${maxPiece} bytes (seed ${seed})`, async () => {
          const { req, verified } = verifyCase(c.seed);
          const decoder = signedBodyDecoder(verified, req.headers, errors) as AwsChunkedDecoder;
          expect(decoder).toBeInstanceOf(AwsChunkedDecoder);
          expect(await runDecoder(decoder, encode(verified), prng(seed), maxPiece)).toEqual(data);
          expect(decoder.decodedLength).toBe(66560);
          expect(Object.fromEntries(decoder.trailers)).toEqual(c.trailer?.headers ?? {});
        });
      }

      it('decodes one byte at a time', async () => {
        const { req, verified } = verifyCase(c.seed);
        expect(await runDecoder(signedBodyDecoder(verified, req.headers, errors)!, encode(verified), () => 0, 1)).toEqual(data);
      });

      it('streams: data comes out before the body has all arrived', async () => {
        const { req, verified } = verifyCase(c.seed);
        const decoder = signedBodyDecoder(verified, req.headers, errors)!;
        let seen = 0;
        decoder.on('data', (b: Buffer) => (seen += b.length));
        decoder.write(encode(verified).subarray(0, 40000));
        await new Promise((r) => setImmediate(r));
        expect(seen).toBeGreaterThan(30000);
        decoder.destroy();
      });
    });
  }
});
