/**
 * Micro-benchmark (not a test; nothing here asserts timings): µs per SigV4 verification of
 * requests the SDK v3 signer signed, from the parsed request to the checked signature, and the
 * throughput of the aws-chunked decoder.
 *
 *   npx tsx test/auth/sigv4/bench-verify.ts
 */
import { createHash, createHmac } from 'node:crypto';
import { authErrors, type AuthErrors } from '../../../src/auth/errors.js';
import { AwsChunkedDecoder, checkSigV4Request, payloadHashFor, signingKey, verifySigV4Signature, type SigV4Verified } from '../../../src/auth/sigv4/index.js';
import { encodeChunked } from './chunked-helpers.js';
import { credentialOf, type RawRequest } from './raw-request.js';
import { received, sdkSigner, toSdk, type PlainRequest } from './sdk-signer.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SIGNED_AT = new Date();
const TOKEN = 'IQoJb3JpZ2luX2VjEHAaCXVzLWVhc3QtMSJHMEUCIQD' + 'x'.repeat(900);

interface Case {
  name: string;
  req: RawRequest;
  errors: AuthErrors;
}

async function signed(name: string, service: string, errors: AuthErrors, plain: PlainRequest, s3 = false, presign = false, token?: string): Promise<Case> {
  const signer = sdkSigner({ service, region: 'us-east-1', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET, s3, sessionToken: token });
  const request = toSdk(plain);
  const out = presign ? await signer.presign(request, { signingDate: SIGNED_AT, expiresIn: 900 }) : await signer.sign(request, { signingDate: SIGNED_AT });
  return { name, req: received(out), errors };
}

function verifyOnce(c: Case): void {
  const credential = credentialOf(c.req);
  const prepared = checkSigV4Request(c.req, credential, { errors: c.errors, now: Date.now(), rawHeaders: c.req.rawHeaders });
  verifySigV4Signature(prepared, SECRET, payloadHashFor(c.req, prepared, c.req.body)!);
}

function microseconds(fn: () => void, iterations: number): number {
  const rounds: number[] = [];
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn();
    rounds.push(Number(process.hrtime.bigint() - start) / 1000 / iterations);
  }
  rounds.sort((a, b) => a - b);
  return rounds[3]!; // median round
}

const cases = [
  await signed('DynamoDB GetItem (JSON, 120-byte body hashed)', 'dynamodb', authErrors('dynamodb', 'json'), {
    method: 'POST',
    hostname: 'localhost',
    path: '/',
    headers: { host: 'localhost:4566', 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem', 'amz-sdk-invocation-id': 'b0c1f2e3-1111-2222-3333-444455556666', 'amz-sdk-request': 'attempt=1; max=3' },
    body: Buffer.from(JSON.stringify({ TableName: 'users', Key: { pk: { S: 'user#0001' }, sk: { S: 'profile' } }, ConsistentRead: true }).padEnd(120)),
  }),
  await signed('STS GetCallerIdentity (query, session token)', 'sts', authErrors('sts', 'query'), {
    method: 'POST',
    hostname: 'localhost',
    path: '/',
    headers: { host: 'localhost:4566', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: Buffer.from('Action=GetCallerIdentity&Version=2011-06-15'),
  }, false, false, TOKEN),
  await signed('S3 GetObject (header, UNSIGNED-PAYLOAD)', 's3', authErrors('s3', 'rest-xml'), {
    method: 'GET',
    hostname: 'bucket.s3.localhost',
    path: '/photos/2024/cat%20one.jpg',
    query: { 'x-id': 'GetObject' },
    headers: { host: 'bucket.s3.localhost:4566', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'amz-sdk-invocation-id': 'b0c1f2e3-1111-2222-3333-444455556666' },
  }, true),
  await signed('S3 presigned GET', 's3', authErrors('s3', 'rest-xml'), {
    method: 'GET',
    hostname: 'bucket.s3.localhost',
    path: '/photos/2024/cat.jpg',
    query: { 'x-id': 'GetObject' },
    headers: { host: 'bucket.s3.localhost:4566', 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
  }, true, true),
];

// The crypto a verification cannot avoid (hash the canonical request, HMAC the string to sign),
// timed in the same run: the machines this runs on are shared and noisy, the ratio less so.
const canonical = 'POST\n/\n\ncontent-type:application/x-amz-json-1.0\nhost:localhost:4566\nx-amz-date:20240301T120000Z\nx-amz-target:DynamoDB_20120810.GetItem\n\ncontent-type;host;x-amz-date;x-amz-target\n' + 'e'.repeat(64);
const key = signingKey(SECRET, '20240301', 'us-east-1', 'dynamodb');
const floor = microseconds(() => {
  const sts = `AWS4-HMAC-SHA256\n20240301T120000Z\n20240301/us-east-1/dynamodb/aws4_request\n${createHash('sha256').update(canonical).digest('hex')}`;
  createHmac('sha256', key).update(sts).digest('hex');
}, 20_000);

console.log('SigV4 verification, µs per request (median of 7 rounds; derived keys cached):');
for (const c of cases) {
  verifyOnce(c); // fails loudly if the case does not verify
  const us = microseconds(() => verifyOnce(c), 20_000);
  console.log(`  ${us.toFixed(2).padStart(7)} µs  (${(us / floor).toFixed(1)}× the crypto floor)  ${c.name}`);
}
console.log(`  ${floor.toFixed(2).padStart(7)} µs  crypto floor: SHA-256 of a canonical request + one HMAC`);

const secret = 'AWS4' + SECRET;
const derive = () => {
  const k = createHmac('sha256', secret).update('20240301').digest();
  createHmac('sha256', createHmac('sha256', createHmac('sha256', k).update('us-east-1').digest()).update('dynamodb').digest()).update('aws4_request').digest();
};
console.log(`  ${microseconds(derive, 20_000).toFixed(2).padStart(7)} µs  what the key cache saves per request (4 HMACs)`);

// aws-chunked: 64 MiB in 64 KiB signed chunks, fed in 16 KiB pieces (a socket's usual reads).
const verified: SigV4Verified = {
  algorithm: 'AWS4-HMAC-SHA256',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  signingKey: signingKey(SECRET, '20240301', 'us-east-1', 's3'),
  amzDate: '20240301T120000Z',
  requestTime: 0,
  scope: '20240301/us-east-1/s3/aws4_request',
  seedSignature: 'a'.repeat(64),
  payloadHash: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
};
const chunk = Buffer.alloc(65536, 7);
const body = encodeChunked(Array.from({ length: 1024 }, () => chunk), verified);
const start = process.hrtime.bigint();
await new Promise<void>((resolve, reject) => {
  const decoder = new AwsChunkedDecoder({ mode: 'signed', errors: authErrors('s3', 'rest-xml'), verified, decodedContentLength: 1024 * 65536 });
  decoder.on('data', () => {});
  decoder.on('end', resolve);
  decoder.on('error', reject);
  for (let i = 0; i < body.length; i += 16384) decoder.write(body.subarray(i, i + 16384));
  decoder.end();
});
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const hashOnly = process.hrtime.bigint();
createHash('sha256').update(body).digest();
const hashSeconds = Number(process.hrtime.bigint() - hashOnly) / 1e9;
console.log(`aws-chunked signed decode: ${(64 / seconds).toFixed(0)} MiB/s (SHA-256 alone over the same bytes: ${(64 / hashSeconds).toFixed(0)} MiB/s)`);
