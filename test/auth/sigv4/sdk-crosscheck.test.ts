/**
 * Cross-check against the real SDK v3 signer (@smithy/signature-v4): random requests — methods,
 * paths with reserved, unicode and dot segments, repeated query keys, headers with runs of
 * whitespace, bodies, session tokens, S3 and other services, Authorization header and presigned
 * URL — are signed by the SDK and must verify here; the same request with one signature character
 * changed must not.
 */
import { describe, expect, it } from 'vitest';
import { authErrors } from '../../../src/auth/errors.js';
import { checkSigV4Request, payloadHashFor, verifySigV4Signature } from '../../../src/auth/sigv4/index.js';
import type { QueryParameterBag } from '@smithy/types';
import { credentialOf, prng } from './raw-request.js';
import { escapeUri, received, sdkSigner, toSdk, type PlainRequest } from './sdk-signer.js';

const SERVICES = [
  { id: 's3', protocol: 'rest-xml', signingName: 's3' },
  { id: 'dynamodb', protocol: 'json', signingName: 'dynamodb' },
  { id: 'sts', protocol: 'query', signingName: 'sts' },
  { id: 'lambda', protocol: 'rest-json', signingName: 'lambda' },
  { id: 'ssm', protocol: 'json', signingName: 'ssm' },
  { id: 'cloudwatch', protocol: 'smithy-rpc-v2-cbor', signingName: 'monitoring' },
  { id: 'ec2', protocol: 'ec2', signingName: 'ec2' },
] as const;

const ALPHABET = "abcXYZ019-._~ !$&'()*+,;=:@%/?#[]\"<>^`{|}é日ሴ😀";
const HEADER_CHARS = 'abcXYZ019-._~!$&\'()*+,;=:@%/?#[]"<>^`{|} \t';

type Random = () => number;
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const text = (r: Random, chars: string, max: number): string => {
  const list = [...chars];
  let out = '';
  for (let n = Math.floor(r() * (max + 1)); n > 0; n--) out += pick(r, list);
  return out;
};

function randomRequest(r: Random, s3: boolean, target: string | undefined): PlainRequest {
  const segments: string[] = [];
  for (let n = Math.floor(r() * 5); n > 0; n--) segments.push(pick(r, ['', '.', '..', 'a', 'photo.jpg', text(r, ALPHABET, 8)]));
  let path = '/' + segments.map(escapeUri).join('/');
  if (r() < 0.2) path += '/';
  const query: QueryParameterBag = {};
  for (let n = Math.floor(r() * 5); n > 0; n--) {
    const key = pick(r, ['prefix', 'max-keys', 'Action', text(r, ALPHABET, 6)]);
    query[key] = r() < 0.2 ? [text(r, ALPHABET, 5), text(r, ALPHABET, 5)] : text(r, ALPHABET, 10);
  }
  const headers: Record<string, string> = { host: pick(r, ['example.amazonaws.com', 'localhost:4566', 'bucket.s3.localhost:4566']) };
  if (target) headers['x-amz-target'] = target;
  if (r() < 0.5) headers['content-type'] = pick(r, ['application/x-amz-json-1.0', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded']);
  for (let n = Math.floor(r() * 3); n > 0; n--) headers[`x-custom-${n}`] = `a${text(r, HEADER_CHARS, 12)}z`;
  if (s3 && r() < 0.5) headers['x-amz-meta-note'] = `n ${text(r, HEADER_CHARS, 6)} n`;
  const method = pick(r, ['GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'PATCH']);
  const body = method === 'GET' || method === 'HEAD' || r() < 0.2 ? undefined : Buffer.from(text(r, ALPHABET, 60));
  if (s3 && r() < 0.3) headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
  return { method, hostname: headers.host!.split(':')[0]!, path, query, headers, body };
}

describe('verifies what the SDK v3 signer signs', () => {
  for (let seed = 1; seed <= 400; seed++) {
    const r = prng(seed);
    const service = pick(r, SERVICES);
    const s3 = service.id === 's3';
    const presign = r() < 0.35;
    const token = r() < 0.3 ? `IQoJb3JpZ2luX2VjE${text(r, 'abcXYZ019+/=', 40)}` : undefined;
    it(`#${seed}: ${service.id} ${presign ? 'presigned' : 'header'}${token ? ' with session token' : ''}`, async () => {
      const signer = sdkSigner({ service: service.signingName, region: 'eu-west-3', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', sessionToken: token, s3 });
      const plain = randomRequest(r, s3, service.protocol === 'json' ? 'Service_20200101.Operation' : undefined);
      const signingDate = new Date(Date.UTC(2020, 0, 1) + Math.floor(r() * 10 * 365 * 86400) * 1000);
      const now = signingDate.getTime() + Math.floor(r() * 240_000);
      if (presign && s3) plain.headers['X-Amz-Content-Sha256'] = 'UNSIGNED-PAYLOAD';
      if (presign && s3) delete plain.headers['x-amz-content-sha256'];
      const signed = presign ? await signer.presign(toSdk(plain), { signingDate, expiresIn: 1 + Math.floor(r() * 604800) }) : await signer.sign(toSdk(plain), { signingDate });
      const req = received(signed);
      const errors = authErrors(service.id, service.protocol);
      const credential = credentialOf(req);
      const prepared = checkSigV4Request(req, credential, { errors, now, rawHeaders: req.rawHeaders, signingName: service.signingName, expectedRegion: 'eu-west-3' });
      const payloadHash = payloadHashFor(req, prepared, req.body)!;
      const verified = verifySigV4Signature(prepared, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', payloadHash);
      expect(verified.seedSignature).toBe(credential.signature);
      const at = Math.floor(r() * 64);
      const flipped = credential.signature.slice(0, at) + (credential.signature[at] === 'a' ? 'b' : 'a') + credential.signature.slice(at + 1);
      expect(() => verifySigV4Signature({ ...prepared, credential: { ...credential, signature: flipped } }, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', payloadHash)).toThrow(
        service.id === 'ec2' ? /validate the provided access credentials/ : /does not match the signature you provided/,
      );
    });
  }
});
