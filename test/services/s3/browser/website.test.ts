/**
 * Static website hosting through the website endpoints — `<bucket>.s3-website.localhost`, with a
 * region (`.s3-website.<region>.` and `-s3-website-<region>.`), and the path form
 * `/_nimbus/website/<bucket>/` — as a browser sees them: index and error documents, redirects of
 * every kind, HTML error pages, anonymous access only.
 */
import { PutBucketWebsiteCommand, PutObjectCommand, type S3Client, type WebsiteConfiguration } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { raw, type RawResponse } from '../../../helpers/http.js';
import { useNimbus } from '../../../helpers/nimbus.js';
import { createBucket, openTo, s3Client } from './helpers.js';

const nimbus = useNimbus();

type Addressing = 'host' | 'region host' | 'dash region host' | 'path';

/** GETs `path` of the bucket's website in one of its addressing forms. */
function site(bucket: string, form: Addressing, path: string, o: { method?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const port = new URL(nimbus.current.endpoint).port;
  const hosts: Record<Exclude<Addressing, 'path'>, string> = {
    host: `${bucket}.s3-website.localhost:${port}`,
    'region host': `${bucket}.s3-website.us-east-1.localhost:${port}`,
    'dash region host': `${bucket}.s3-website-us-east-1.localhost:${port}`,
  };
  if (form === 'path') return raw(nimbus.current.endpoint, { method: o.method, path: `/_nimbus/website/${bucket}${path}`, headers: o.headers });
  return raw(nimbus.current.endpoint, { method: o.method, path, headers: { host: hosts[form], ...o.headers } });
}

/** The site's own origin, as redirects that name no host use it. */
function origin(bucket: string, form: Addressing): string {
  const port = new URL(nimbus.current.endpoint).port;
  return form === 'path' ? `http://127.0.0.1:${port}/_nimbus/website/${bucket}` : '';
}

async function put(s3: S3Client, bucket: string, key: string, body: string, extra: Record<string, string> = {}): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'text/html', ...extra }));
}

async function website(s3: S3Client, bucket: string, config: WebsiteConfiguration): Promise<void> {
  await s3.send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration: config }));
}

/** The `<li>Name: value</li>` items of an S3 website error page, in order. */
function pageItems(html: string): [string, string][] {
  return [...html.matchAll(/<li>([^:<]+): ([^<]*)<\/li>/g)].map((m) => [m[1]!, m[2]!]);
}

describe('a public site with index and error documents and routing rules', () => {
  let bucket = '';
  beforeAll(async () => {
    const s3 = s3Client(nimbus);
    bucket = await createBucket(s3, 'site');
    await openTo(s3, bucket, ['s3:GetObject'], ['s3:ListBucket']);
    await put(s3, bucket, 'index.html', '<h1>home</h1>');
    await put(s3, bucket, 'about/index.html', '<h1>about</h1>');
    await put(s3, bucket, 'error.html', '<h1>custom 404</h1>');
    await put(s3, bucket, 'promo.html', 'moved', { WebsiteRedirectLocation: '/about/' });
    await website(s3, bucket, {
      IndexDocument: { Suffix: 'index.html' },
      ErrorDocument: { Key: 'error.html' },
      RoutingRules: [
        { Condition: { KeyPrefixEquals: 'old/' }, Redirect: { ReplaceKeyPrefixWith: 'new/' } },
        { Condition: { KeyPrefixEquals: 'gone/', HttpErrorCodeReturnedEquals: '404' }, Redirect: { HostName: 'archive.example', Protocol: 'https', ReplaceKeyWith: 'moved.html', HttpRedirectCode: '302' } },
      ],
    });
  });

  const forms: Addressing[] = ['host', 'region host', 'dash region host', 'path'];

  it.each(forms)('serves the index document for / and …/ (%s)', async (form) => {
    const home = await site(bucket, form, '/');
    expect([home.status, home.body, home.headers['content-type']]).toEqual([200, '<h1>home</h1>', 'text/html']);
    const about = await site(bucket, form, '/about/');
    expect([about.status, about.body]).toEqual([200, '<h1>about</h1>']);
  });

  it.each(forms)('redirects a folder without its slash with 302 (%s)', async (form) => {
    const r = await site(bucket, form, '/about');
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe(form === 'path' ? `/_nimbus/website/${bucket}/about/` : '/about/');
  });

  it.each(forms)('serves the error document with 404 for a missing key (%s)', async (form) => {
    const r = await site(bucket, form, '/no/such/page.html');
    expect([r.status, r.body, r.headers['content-type']]).toEqual([404, '<h1>custom 404</h1>', 'text/html']);
  });

  it.each(forms)('applies routing rules before the lookup (key prefix) and after it (error code) (%s)', async (form) => {
    const port = new URL(nimbus.current.endpoint).port;
    const host = { host: `${bucket}.s3-website.localhost:${port}`, 'region host': `${bucket}.s3-website.us-east-1.localhost:${port}`, 'dash region host': `${bucket}.s3-website-us-east-1.localhost:${port}`, path: '' }[form];
    const prefixed = await site(bucket, form, '/old/page.html');
    expect(prefixed.status).toBe(301);
    expect(prefixed.headers.location).toBe(form === 'path' ? `${origin(bucket, form)}/new/page.html` : `http://${host}/new/page.html`);
    const gone = await site(bucket, form, '/gone/thing.html');
    expect([gone.status, gone.headers.location]).toEqual([302, 'https://archive.example/moved.html']);
  });

  it('redirects 301 to an object’s x-amz-website-redirect-location', async () => {
    const r = await site(bucket, 'host', '/promo.html');
    expect([r.status, r.headers.location, r.body]).toEqual([301, '/about/', '']);
  });

  it('answers HEAD without a body, and conditional GETs with 304', async () => {
    const head = await site(bucket, 'host', '/', { method: 'HEAD' });
    expect([head.status, head.headers['content-length'], head.body]).toEqual([200, '13', '']);
    const again = await site(bucket, 'host', '/', { headers: { 'if-none-match': head.headers.etag as string } });
    expect([again.status, again.body]).toEqual([304, '']);
  });

  it('allows only GET and HEAD, with an HTML 405 page', async () => {
    const r = await site(bucket, 'host', '/', { method: 'DELETE' });
    expect(r.status).toBe(405);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(pageItems(r.body).slice(0, 4)).toEqual([
      ['Code', 'MethodNotAllowed'],
      ['Message', 'The specified method is not allowed against this resource.'],
      ['Method', 'DELETE'],
      ['ResourceType', 'OBJECT'],
    ]);
  });
});

describe('S3’s HTML error pages', () => {
  it('answers 404 NoSuchKey for a public, listable site without an error document, with the ids of its headers', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3, 'site');
    await openTo(s3, bucket, ['s3:GetObject'], ['s3:ListBucket']);
    await website(s3, bucket, { IndexDocument: { Suffix: 'index.html' } });
    const r = await site(bucket, 'host', '/');
    expect(r.status).toBe(404);
    expect(r.body).toContain('<title>404 Not Found</title>');
    expect(r.body).toContain('<h1>404 Not Found</h1>');
    expect(pageItems(r.body)).toEqual([
      ['Code', 'NoSuchKey'],
      ['Message', 'The specified key does not exist.'],
      ['Key', 'index.html'],
      ['RequestId', r.headers['x-amz-request-id'] as string],
      ['HostId', r.headers['x-amz-id-2'] as string],
    ]);
  });

  it('answers 403 for a missing key when everyone may read but not list, serving the error document with 403', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3, 'site');
    await openTo(s3, bucket, ['s3:GetObject']);
    await put(s3, bucket, 'error.html', 'sorry');
    await website(s3, bucket, { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } });
    const r = await site(bucket, 'host', '/missing.html');
    expect([r.status, r.body]).toEqual([403, 'sorry']);
  });

  it('answers 403 AccessDenied for a private bucket, adding the error document’s own failure', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3, 'site');
    await put(s3, bucket, 'index.html', 'secret');
    await website(s3, bucket, { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } });
    const r = await site(bucket, 'path', '/');
    expect(r.status).toBe(403);
    expect(r.body).toContain('<h1>403 Forbidden</h1>');
    expect(r.body).toContain('<h3>An Error Occurred While Attempting to Retrieve a Custom Error Document</h3>');
    const items = pageItems(r.body);
    expect(items.slice(0, 2)).toEqual([['Code', 'AccessDenied'], ['Message', 'Access Denied']]);
    expect(items.slice(4)).toEqual([['Code', 'AccessDenied'], ['Message', 'Access Denied']]);
  });

  it('answers 404 NoSuchWebsiteConfiguration and NoSuchBucket', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3, 'site');
    const plain = await site(bucket, 'host', '/');
    expect(plain.status).toBe(404);
    expect(pageItems(plain.body).slice(0, 3)).toEqual([
      ['Code', 'NoSuchWebsiteConfiguration'],
      ['Message', 'The specified bucket does not have a website configuration'],
      ['BucketName', bucket],
    ]);
    const none = await site('no-such-site-bucket', 'path', '/');
    expect(none.status).toBe(404);
    expect(pageItems(none.body).slice(0, 3)).toEqual([
      ['Code', 'NoSuchBucket'],
      ['Message', 'The specified bucket does not exist'],
      ['BucketName', 'no-such-site-bucket'],
    ]);
  });
});

describe('RedirectAllRequestsTo', () => {
  it('redirects every request to the other host, keeping the path', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3, 'site');
    await website(s3, bucket, { RedirectAllRequestsTo: { HostName: 'www.example.com', Protocol: 'https' } });
    const r = await site(bucket, 'region host', '/docs/a%20b.html');
    expect([r.status, r.headers.location]).toEqual([301, 'https://www.example.com/docs/a%20b.html']);
  });
});
