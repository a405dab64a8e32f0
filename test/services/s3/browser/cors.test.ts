/**
 * CORS from a bucket's configuration, on the wire: preflight OPTIONS answers (allowed, refused,
 * malformed), and the Access-Control-* headers added to actual answers, errors included.
 * Browsers themselves are in chromium.test.ts.
 */
import { PutBucketCorsCommand, PutObjectCommand, type CORSRule } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { raw, sigV4Header } from '../../../helpers/http.js';
import { useNimbus } from '../../../helpers/nimbus.js';
import { createBucket, postForm, s3Client, s3ErrorOf, signedPostFields } from './helpers.js';

const nimbus = useNimbus();
const APP = 'http://app.example';
const VARY = 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method';
const NOT_ALLOWED =
  "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.";

async function bucketWithCors(rules: CORSRule[]): Promise<string> {
  const s3 = s3Client(nimbus);
  const bucket = await createBucket(s3, 'cors');
  await s3.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: rules } }));
  return bucket;
}

function preflight(path: string, headers: Record<string, string>, host?: string) {
  return raw(nimbus.current.endpoint, { method: 'OPTIONS', path, headers: host ? { host, ...headers } : headers });
}

const uploadRule: CORSRule = {
  AllowedOrigins: [APP, 'https://*.example.org'],
  AllowedMethods: ['PUT', 'GET'],
  AllowedHeaders: ['content-type', 'x-amz-meta-*'],
  ExposeHeaders: ['ETag', 'x-amz-request-id'],
  MaxAgeSeconds: 300,
};

describe('preflight requests', () => {
  it('answers a matching preflight with the rule’s headers', async () => {
    const bucket = await bucketWithCors([uploadRule]);
    const r = await preflight(`/${bucket}/photos/cat.png`, { origin: APP, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'Content-Type, X-Amz-Meta-Note' });
    expect(r.status).toBe(200);
    expect(r.headers).toMatchObject({
      'access-control-allow-origin': APP,
      'access-control-allow-methods': 'PUT, GET',
      'access-control-allow-headers': 'content-type, x-amz-meta-note',
      'access-control-expose-headers': 'ETag, x-amz-request-id',
      'access-control-max-age': '300',
      'access-control-allow-credentials': 'true',
      vary: VARY,
    });
    expect(r.body).toBe('');
  });

  it('matches wildcard origins, and answers * without credentials for a rule open to any origin', async () => {
    const bucket = await bucketWithCors([uploadRule, { AllowedOrigins: ['*'], AllowedMethods: ['GET', 'HEAD'] }]);
    const sub = await preflight(`/${bucket}/k`, { origin: 'https://cdn.example.org', 'access-control-request-method': 'GET' });
    expect(sub.headers['access-control-allow-origin']).toBe('https://cdn.example.org');
    const any = await preflight(`/${bucket}/k`, { origin: 'http://elsewhere.test', 'access-control-request-method': 'HEAD' });
    expect(any.status).toBe(200);
    expect(any.headers['access-control-allow-origin']).toBe('*');
    expect(any.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('refuses a preflight no rule allows (origin, method or header) with 403 AccessForbidden', async () => {
    const bucket = await bucketWithCors([uploadRule]);
    const cases: Record<string, string>[] = [
      { origin: 'http://evil.example', 'access-control-request-method': 'PUT' },
      { origin: APP, 'access-control-request-method': 'DELETE' },
      { origin: APP, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-custom-header' },
    ];
    for (const headers of cases) {
      const r = await preflight(`/${bucket}/k`, headers);
      expect(r.status).toBe(403);
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
      expect(s3ErrorOf(r.body)).toMatchObject({ Code: 'AccessForbidden', Message: NOT_ALLOWED, Method: headers['access-control-request-method'], ResourceType: 'OBJECT' });
    }
    const onBucket = await preflight(`/${bucket}`, cases[0]!);
    expect(s3ErrorOf(onBucket.body).ResourceType).toBe('BUCKET');
  });

  it('refuses preflights to a bucket without a CORS configuration', async () => {
    const bucket = await createBucket(s3Client(nimbus), 'cors');
    const r = await preflight(`/${bucket}/k`, { origin: APP, 'access-control-request-method': 'GET' });
    expect(r.status).toBe(403);
    expect(s3ErrorOf(r.body)).toMatchObject({ Code: 'AccessForbidden', Message: 'CORSResponse: CORS is not enabled for this bucket.' });
  });

  it('answers 400 to a preflight without Origin or Access-Control-Request-Method, 404 for no such bucket', async () => {
    const bucket = await bucketWithCors([uploadRule]);
    const noOrigin = await preflight(`/${bucket}/k`, { 'access-control-request-method': 'GET' });
    expect([noOrigin.status, s3ErrorOf(noOrigin.body).Message]).toEqual([400, 'Insufficient information. Origin request header needed.']);
    const noMethod = await preflight(`/${bucket}/k`, { origin: APP });
    expect([noMethod.status, s3ErrorOf(noMethod.body).Code]).toEqual([400, 'BadRequest']);
    const missing = await preflight('/no-such-cors-bucket/k', { origin: APP, 'access-control-request-method': 'GET' });
    expect([missing.status, s3ErrorOf(missing.body).Code]).toEqual([404, 'NoSuchBucket']);
  });

  it('answers preflights to virtual-hosted buckets', async () => {
    const bucket = await bucketWithCors([uploadRule]);
    const port = new URL(nimbus.current.endpoint).port;
    const r = await preflight('/k', { origin: APP, 'access-control-request-method': 'PUT' }, `${bucket}.s3.localhost:${port}`);
    expect([r.status, r.headers['access-control-allow-origin']]).toEqual([200, APP]);
  });
});

describe('headers on actual answers', () => {
  it('adds the matching rule’s headers to successes and errors alike, only for a request with a matching Origin', async () => {
    const bucket = await bucketWithCors([uploadRule]);
    await s3Client(nimbus).send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'v' }));
    // Signed as the conventional root key (its signature is not checked).
    const auth = { authorization: sigV4Header('s3'), 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
    const ok = await raw(nimbus.current.endpoint, { path: `/${bucket}/k`, headers: { origin: APP, ...auth } });
    expect(ok.status).toBe(200);
    expect(ok.headers).toMatchObject({ 'access-control-allow-origin': APP, 'access-control-expose-headers': 'ETag, x-amz-request-id', 'access-control-allow-credentials': 'true', vary: VARY });
    // Preflight-only headers are not on actual answers.
    expect(ok.headers['access-control-max-age']).toBeUndefined();
    const missing = await raw(nimbus.current.endpoint, { path: `/${bucket}/nope`, headers: { origin: APP, ...auth } });
    expect(missing.status).toBe(404);
    expect(missing.headers['access-control-allow-origin']).toBe(APP);
    // An anonymous request refused with 403 gets them too.
    const refused = await raw(nimbus.current.endpoint, { path: `/${bucket}/k`, headers: { origin: APP } });
    expect([refused.status, refused.headers['access-control-allow-origin']]).toEqual([403, APP]);
    const otherOrigin = await raw(nimbus.current.endpoint, { path: `/${bucket}/k`, headers: { origin: 'http://evil.example', ...auth } });
    expect(otherOrigin.headers['access-control-allow-origin']).toBeUndefined();
    const noOrigin = await raw(nimbus.current.endpoint, { path: `/${bucket}/k`, headers: auth });
    expect(noOrigin.headers['access-control-allow-origin']).toBeUndefined();
    // DELETE is not in the rule: no headers, whatever the answer.
    const del = await raw(nimbus.current.endpoint, { method: 'DELETE', path: `/${bucket}/k`, headers: { origin: APP, ...auth } });
    expect(del.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('adds them to form upload answers', async () => {
    const bucket = await bucketWithCors([{ AllowedOrigins: ['*'], AllowedMethods: ['POST'] }]);
    const form = new FormData();
    for (const [k, v] of signedPostFields({ bucket, accessKeyId: 'test', secretAccessKey: 'test', conditions: [['starts-with', '$key', '']], fields: { key: 'f' } })) form.append(k, v);
    form.append('file', new Blob(['x']), 'f');
    const r = await fetch(`${nimbus.current.endpoint}/${bucket}`, { method: 'POST', body: form, headers: { origin: APP } });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    // And without an Origin header, none.
    const plain = await postForm(`${nimbus.current.endpoint}/${bucket}`, signedPostFields({ bucket, accessKeyId: 'test', secretAccessKey: 'test', conditions: [['starts-with', '$key', '']], fields: { key: 'g' } }), { content: 'y' });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });
});
