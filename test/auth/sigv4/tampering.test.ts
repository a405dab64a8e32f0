/**
 * One changed byte anywhere a signature covers must fail with the service's own error, and the
 * checks before the signature (clock, presigned expiry, signed headers, credential scope) must
 * answer what AWS answers.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authErrors, type AuthErrors } from '../../../src/auth/errors.js';
import { checkSigV4Request, payloadHashFor, readSessionToken, verifySigV4, verifySigV4Signature } from '../../../src/auth/sigv4/index.js';
import type { ServiceError } from '../../../src/shared/errors.js';
import { credentialOf, nodeHeaders, type RawRequest } from './raw-request.js';
import { received, sdkSigner, toSdk, type PlainRequest } from './sdk-signer.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SIGNED_AT = new Date(Date.UTC(2024, 2, 1, 12, 0, 0));
const T = SIGNED_AT.getTime();
const MIN = 60_000;

async function sign(service: string, plain: PlainRequest, s3 = false, presignFor?: number): Promise<RawRequest> {
  const signer = sdkSigner({ service, region: 'us-east-1', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET, s3 });
  const request = toSdk(plain);
  return received(presignFor === undefined ? await signer.sign(request, { signingDate: SIGNED_AT }) : await signer.presign(request, { signingDate: SIGNED_AT, expiresIn: presignFor }));
}

/** Runs the whole verification; returns the error thrown (or undefined). */
function attempt(req: RawRequest, errors: AuthErrors, now = T, signingName?: string): ServiceError | undefined {
  try {
    const credential = credentialOf(req);
    const prepared = checkSigV4Request(req, credential, { errors, now, rawHeaders: req.rawHeaders, signingName });
    verifySigV4Signature(prepared, SECRET, payloadHashFor(req, prepared, req.body)!);
    return undefined;
  } catch (e) {
    return e as ServiceError;
  }
}

function edit(req: RawRequest, change: Partial<RawRequest> & { header?: [string, string] }): RawRequest {
  const rawHeaders = [...req.rawHeaders];
  if (change.header) {
    const [name, value] = change.header;
    const at = rawHeaders.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === name);
    if (at === -1) rawHeaders.push(name, value);
    else rawHeaders[at + 1] = value;
  }
  return { ...req, ...change, rawHeaders, headers: nodeHeaders(rawHeaders) };
}

const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === '0' ? '1' : '0') + s.slice(at + 1);

const dynamo = authErrors('dynamodb', 'json');
const sts = authErrors('sts', 'query');
const s3 = authErrors('s3', 'rest-xml');

const dynamoRequest = () =>
  sign('dynamodb', {
    method: 'POST',
    hostname: 'localhost',
    path: '/',
    query: { extra: 'a b' },
    headers: { host: 'localhost:4566', 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
    body: Buffer.from('{"Limit":10}'),
  });
const s3Request = () =>
  sign('s3', { method: 'PUT', hostname: 'bucket.s3.localhost', path: '/photos/cat%20one.jpg', headers: { host: 'bucket.s3.localhost:4566', 'x-amz-meta-colour': 'grey' }, body: Buffer.from('meow') }, true);

describe('one changed byte', () => {
  it('the untouched requests verify', async () => {
    expect(attempt(await dynamoRequest(), dynamo)).toBeUndefined();
    expect(attempt(await s3Request(), s3)).toBeUndefined();
  });

  it.each([
    ['a signed header value', (r: RawRequest) => edit(r, { header: ['x-amz-target', 'DynamoDB_20120810.ListTablez'] })],
    ['the path', (r: RawRequest) => edit(r, { rawPath: '/x', path: '/x' })],
    ['the query', (r: RawRequest) => edit(r, { rawQuery: r.rawQuery.replace('a', 'b') })],
    ['the body (so its hash)', (r: RawRequest) => edit(r, { body: Buffer.from('{"Limit":11}') })],
    ['the signature', (r: RawRequest) => edit(r, { header: ['authorization', flip(String(r.headers.authorization), 200)] })],
  ])('%s → InvalidSignatureException with the canonical string AWS expected', async (_what, change) => {
    const e = attempt(change(await dynamoRequest()), dynamo)!;
    expect(e).toMatchObject({ code: 'InvalidSignatureException', statusCode: 400 });
    expect(e.message).toMatch(/^The request signature we calculated does not match the signature you provided\. Check your AWS Secret Access Key and signing method\. Consult the service documentation for details\.\n\nThe Canonical String for this request should have been\n'POST\n/);
    expect(e.message).toMatch(/'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20240301T120000Z\n20240301\/us-east-1\/dynamodb\/aws4_request\n[0-9a-f]{64}'\n$/);
  });

  it('S3: a signed header → SignatureDoesNotMatch with the canonical request and its bytes', async () => {
    const req = await s3Request();
    const e = attempt(edit(req, { header: ['x-amz-meta-colour', 'grez'] }), s3)!;
    expect(e).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 403, message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.' });
    const f = e.fields as Record<string, string>;
    expect(f.AWSAccessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');
    expect(f.SignatureProvided).toBe(credentialOf(req).signature);
    expect(f.CanonicalRequest).toContain('\nx-amz-meta-colour:grez\n');
    expect(f.CanonicalRequest!.startsWith('PUT\n/photos/cat%20one.jpg\n\n')).toBe(true);
    expect(f.StringToSign).toMatch(/^AWS4-HMAC-SHA256\n20240301T120000Z\n20240301\/us-east-1\/s3\/aws4_request\n[0-9a-f]{64}$/);
    expect(f.StringToSignBytes!.split(' ').map((b) => String.fromCharCode(parseInt(b, 16))).join('')).toBe(f.StringToSign);
    expect(f.CanonicalRequestBytes!.startsWith('50 55 54 0a 2f')).toBe(true);
  });

  it('S3: x-amz-content-sha256 is signed, so changing it breaks the signature', async () => {
    const req = await s3Request();
    const e = attempt(edit(req, { header: ['x-amz-content-sha256', flip(String(req.headers['x-amz-content-sha256']), 5)] }), s3)!;
    expect(e.code).toBe('SignatureDoesNotMatch');
  });

  it('EC2 answers AuthFailure 401 without the canonical string', () => {
    const e = authErrors('ec2', 'ec2').signatureMismatch({ accessKeyId: 'AKID', stringToSign: 's', signatureProvided: 'x', canonicalRequest: 'c' });
    expect(e).toMatchObject({ code: 'AuthFailure', statusCode: 401, message: 'AWS was not able to validate the provided access credentials' });
  });
});

describe('the clock', () => {
  it('DynamoDB: over 5 minutes old → "Signature expired"; over 5 minutes ahead → "Signature not yet current"', async () => {
    const req = await dynamoRequest();
    expect(attempt(req, dynamo, T + 5 * MIN)).toBeUndefined();
    expect(attempt(req, dynamo, T + 5 * MIN + 1000)).toMatchObject({
      code: 'InvalidSignatureException',
      message: 'Signature expired: 20240301T120000Z is now earlier than 20240301T120001Z (20240301T120501Z - 5 min.)',
    });
    expect(attempt(req, dynamo, T - 5 * MIN - 1000)).toMatchObject({
      code: 'InvalidSignatureException',
      message: 'Signature not yet current: 20240301T120000Z is still later than 20240301T115959Z (20240301T115459Z + 5 min.)',
    });
  });

  it('STS allows 15 minutes and answers SignatureDoesNotMatch 403', async () => {
    const req = await sign('sts', { method: 'POST', hostname: 'localhost', path: '/', headers: { host: 'localhost', 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from('Action=GetCallerIdentity&Version=2011-06-15') });
    expect(attempt(req, sts, T + 14 * MIN)).toBeUndefined();
    expect(attempt(req, sts, T + 16 * MIN)).toMatchObject({
      code: 'SignatureDoesNotMatch',
      statusCode: 403,
      message: 'Signature expired: 20240301T120000Z is now earlier than 20240301T120100Z (20240301T121600Z - 15 min.)',
    });
  });

  it('EC2 answers RequestExpired', async () => {
    const e = authErrors('ec2', 'ec2').requestTimeSkewed({ requestTime: T, requestTimeText: '20240301T120000Z', serverTime: T + 10 * MIN });
    expect(e).toMatchObject({ code: 'RequestExpired', statusCode: 400, message: 'Request has expired.' });
  });

  it('S3: RequestTimeTooSkewed with RequestTime, ServerTime and MaxAllowedSkewMilliseconds', async () => {
    const e = attempt(await s3Request(), s3, T + 16 * MIN)!;
    expect(e).toMatchObject({
      code: 'RequestTimeTooSkewed',
      statusCode: 403,
      message: 'The difference between the request time and the current time is too large.',
      fields: { RequestTime: '20240301T120000Z', ServerTime: '2024-03-01T12:16:00Z', MaxAllowedSkewMilliseconds: 900000 },
    });
  });

  it('S3 presigned: expired → AccessDenied "Request has expired" with X-Amz-Expires, Expires and ServerTime', async () => {
    const req = await sign('s3', { method: 'GET', hostname: 'b.s3.localhost', path: '/k', headers: { host: 'b.s3.localhost', 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' } }, true, 3600);
    expect(attempt(req, s3, T + 3600_000)).toBeUndefined(); // presigned URLs outlive the 15-minute window
    expect(attempt(req, s3, T + 3601_000)).toMatchObject({
      code: 'AccessDenied',
      statusCode: 403,
      message: 'Request has expired',
      fields: { 'X-Amz-Expires': '3600', Expires: '2024-03-01T13:00:00Z', ServerTime: '2024-03-01T13:00:01Z' },
    });
  });

  it('S3 presigned: X-Amz-Expires over a week, negative, not a number or missing → AuthorizationQueryParametersError', async () => {
    const req = await sign('s3', { method: 'GET', hostname: 'b.s3.localhost', path: '/k', headers: { host: 'b.s3.localhost', 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' } }, true, 604800);
    expect(attempt(req, s3)).toBeUndefined();
    const withExpires = (v: string | undefined) =>
      edit(req, { rawQuery: req.rawQuery.replace(/&?X-Amz-Expires=\d+/, '') + (v === undefined ? '' : `&X-Amz-Expires=${v}`) });
    const cases: [string | undefined, string][] = [
      ['604801', 'X-Amz-Expires must be less than a week (in seconds) that is 604800'],
      ['-1', 'X-Amz-Expires must be non-negative'],
      ['soon', 'X-Amz-Expires should be a number'],
      [undefined, 'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.'],
    ];
    for (const [value, message] of cases) expect(attempt(withExpires(value), s3)).toMatchObject({ code: 'AuthorizationQueryParametersError', statusCode: 400, message });
  });

  it('a presigned URL to another service keeps to the skew window (STS ignores X-Amz-Expires)', async () => {
    const req = await sign('sts', { method: 'GET', hostname: 'localhost', path: '/', query: { Action: 'GetCallerIdentity', Version: '2011-06-15' }, headers: { host: 'localhost' } }, false, 3600);
    expect(attempt(req, sts, T + 10 * MIN)).toBeUndefined();
    expect(attempt(req, sts, T + 20 * MIN)?.message).toMatch(/^Signature expired: /);
  });
});

describe('what must be signed', () => {
  it('Host left out of SignedHeaders', async () => {
    const coral = await sign('dynamodb', { method: 'POST', hostname: 'h', path: '/', headers: { 'x-amz-target': 'X.Y' }, body: Buffer.from('{}') });
    const req = edit(coral, { header: ['host', 'h'] });
    expect(attempt(req, dynamo)).toMatchObject({ code: 'InvalidSignatureException', message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization." });
    const bucket = edit(await sign('s3', { method: 'GET', hostname: 'b', path: '/k', headers: {} }, true), { header: ['host', 'b'] });
    expect(attempt(bucket, s3)).toMatchObject({ code: 'AccessDenied', statusCode: 403, message: 'There were headers present in the request which were not signed', fields: { HeadersNotSigned: 'host' } });
  });

  it('S3 refuses x-amz-* headers added after signing; other services ignore extra headers', async () => {
    const req = edit(edit(await s3Request(), { header: ['x-amz-acl', 'public-read'] }), { header: ['x-amz-tagging', 'a=b'] });
    expect(attempt(req, s3)).toMatchObject({ code: 'AccessDenied', fields: { HeadersNotSigned: 'x-amz-acl,x-amz-tagging' } });
    expect(attempt(edit(await dynamoRequest(), { header: ['x-amz-extra', '1'] }), dynamo)).toBeUndefined();
  });

  it('S3 header auth needs a valid x-amz-content-sha256', async () => {
    const req = await s3Request();
    const without = { ...req, rawHeaders: req.rawHeaders.filter((_, i, a) => a[i - (i % 2)]!.toLowerCase() !== 'x-amz-content-sha256') };
    expect(attempt({ ...without, headers: nodeHeaders(without.rawHeaders) }, s3)).toMatchObject({ code: 'InvalidRequest', message: 'Missing required header for this request: x-amz-content-sha256' });
    expect(attempt(edit(req, { header: ['x-amz-content-sha256', 'nope'] }), s3)).toMatchObject({ code: 'InvalidArgument', fields: { ArgumentName: 'x-amz-content-sha256', ArgumentValue: 'nope' } });
  });

  it('a session token header may stay unsigned outside S3; readSessionToken finds it in either form', async () => {
    const req = edit(await dynamoRequest(), { header: ['x-amz-security-token', 'tok'] });
    expect(attempt(req, dynamo)).toBeUndefined();
    expect(readSessionToken(req)).toBe('tok');
    expect(readSessionToken({ headers: {}, rawQuery: 'a=1&X-Amz-Security-Token=IQo%2Fab%2B%3D&b=2' })).toBe('IQo/ab+=');
    expect(readSessionToken({ headers: {}, rawQuery: 'a=1' })).toBeUndefined();
  });
});

describe('the credential scope', () => {
  const nextDay = (req: RawRequest) => edit(req, { header: ['x-amz-date', '20240302T120000Z'] });
  it('a scope date other than X-Amz-Date’s', async () => {
    expect(attempt(nextDay(await dynamoRequest()), dynamo, T + 86400_000)).toMatchObject({
      code: 'InvalidSignatureException',
      message: "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20240301' != '20240302', from '20240302T120000Z'.",
    });
    expect(attempt(nextDay(await s3Request()), s3, T + 86400_000)).toMatchObject({
      code: 'AuthorizationHeaderMalformed',
      statusCode: 400,
      message: 'The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date.',
    });
  });

  it('another service’s signing name, or another region when one is expected', async () => {
    expect(attempt(await dynamoRequest(), dynamo, T, 'kinesis')?.message).toBe("Credential should be scoped to correct service: 'kinesis'.");
    const req = await s3Request();
    const prepared = () => checkSigV4Request(req, credentialOf(req), { errors: s3, now: T, expectedRegion: 'eu-west-1' });
    expect(prepared).toThrow(expect.objectContaining({ code: 'AuthorizationHeaderMalformed', message: "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'", fields: { Region: 'eu-west-1' } }));
  });

  it('a missing or malformed date', async () => {
    const req = await dynamoRequest();
    const noDate = { ...req, headers: { ...req.headers, 'x-amz-date': undefined } };
    expect(attempt(noDate as RawRequest, dynamo)?.message).toMatch(/^Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header\. Authorization=AWS4-HMAC-SHA256 /);
    expect(attempt(edit(req, { header: ['x-amz-date', '2024-03-01T12:00:00Z'] }), dynamo)).toMatchObject({
      code: 'IncompleteSignatureException',
      message: "Date must be in ISO-8601 'basic format'. Got '2024-03-01T12:00:00Z'. See http://en.wikipedia.org/wiki/ISO_8601",
    });
    expect(attempt(noDate as RawRequest, s3)).toMatchObject({ code: 'AccessDenied', message: 'AWS authentication requires a valid Date or x-amz-date header' });
  });

  it('verifySigV4 runs all of it in one call', async () => {
    const req = await dynamoRequest();
    const credential = credentialOf(req);
    const check = { errors: dynamo, now: T, credential, secretAccessKey: SECRET, payloadHash: createHash('sha256').update(req.body).digest('hex') };
    expect(verifySigV4(req, check).scope).toBe('20240301/us-east-1/dynamodb/aws4_request');
    expect(() => verifySigV4(req, { ...check, secretAccessKey: 'wrong' })).toThrow(/does not match/);
  });
});
