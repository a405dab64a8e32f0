/**
 * Presigned URLs end to end, as browsers and scripts use them: URLs from
 * @aws-sdk/s3-request-presigner and from `aws s3 presign`, fetched with plain fetch and curl,
 * work until X-Amz-Expires passes (Nimbus's clock is moved, not waited for), then answer S3's
 * AccessDenied "Request has expired"; a presigned PUT sent with another Content-Type than signed
 * answers SignatureDoesNotMatch. Signatures are verified: Nimbus runs with --strict-auth, so the
 * root key pair (test/test) is checked like an IAM key (conventional keys are never checked).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CopyObjectCommand, GetObjectCommand, GetObjectTaggingCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { awsCli, hasAwsCli, useNimbus } from '../../../helpers/nimbus.js';
import { createBucket, s3Client as baseClient, s3ErrorOf } from './helpers.js';

/**
 * The SDK adds a CRC32 of the (empty) body to presigned PUT URLs unless told to add checksums only
 * when required; browsers then send other bytes, which S3 refuses. Apps presign with this setting.
 */
const s3Client = (n: typeof nimbus) => baseClient(n, { requestChecksumCalculation: 'WHEN_REQUIRED' });

const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
const nimbus = useNimbus({ strictAuth: true, clock });

const run = promisify(execFile);
const hasCurl = await run('curl', ['--version']).then(
  () => true,
  () => false,
);
if (!hasCurl) console.warn('curl is not installed: the curl checks of presigned URLs are skipped');

/** curl's status and body (run asynchronously: Nimbus answers from this same process). */
async function curl(args: string[]): Promise<{ status: number; body: string }> {
  const { stdout } = await run('curl', ['-s', '-w', '\n%{http_code}', ...args]);
  const cut = stdout.lastIndexOf('\n');
  return { status: Number(stdout.slice(cut + 1)), body: stdout.slice(0, cut) };
}

/** With Nimbus's clock `ms` ahead, runs `fn`. */
async function later<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  clock.offsetMs = ms;
  try {
    return await fn();
  } finally {
    clock.offsetMs = 0;
  }
}

/** `Expires` as S3 prints it: the URL's X-Amz-Date plus X-Amz-Expires. */
function expiresOf(url: string): string {
  const q = new URL(url).searchParams;
  const d = q.get('X-Amz-Date')!;
  const signed = Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +d.slice(9, 11), +d.slice(11, 13), +d.slice(13, 15));
  return new Date(signed + Number(q.get('X-Amz-Expires')) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function expectExpired(body: string, url: string): void {
  expect(s3ErrorOf(body)).toMatchObject({ Code: 'AccessDenied', Message: 'Request has expired', 'X-Amz-Expires': '60', Expires: expiresOf(url) });
  expect(s3ErrorOf(body).ServerTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
}

describe('presigned GET', () => {
  it('works from fetch and curl until it expires, then answers AccessDenied "Request has expired"', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'report.txt', Body: 'quarterly numbers' }));
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: 'report.txt' }), { expiresIn: 60 });
    const fresh = await fetch(url);
    expect([fresh.status, await fresh.text()]).toEqual([200, 'quarterly numbers']);
    if (hasCurl) expect(await curl([url])).toEqual({ status: 200, body: 'quarterly numbers' });
    const stale = await later(61_000, () => fetch(url));
    expect(stale.status).toBe(403);
    expectExpired(await stale.text(), url);
    if (hasCurl) {
      const r = await later(61_000, () => curl([url]));
      expect(r.status).toBe(403);
      expectExpired(r.body, url);
    }
  });

  it('answers SignatureDoesNotMatch for a tampered URL', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'a.txt', Body: 'a' }));
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: 'a.txt' }), { expiresIn: 60 });
    const r = await fetch(url.replace('/a.txt?', '/b.txt?'));
    expect(r.status).toBe(403);
    expect(s3ErrorOf(await r.text()).Code).toBe('SignatureDoesNotMatch');
  });
});

describe('presigned PUT', () => {
  it('stores the body sent with the signed Content-Type, and refuses another Content-Type', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    // Content-Type is bound to the URL only when asked to sign it (it is not hoisted into the query).
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: 'note.txt', ContentType: 'text/plain' }), { expiresIn: 300, signableHeaders: new Set(['content-type']) });
    expect(new URL(url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-type;host');
    const put = await fetch(url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'from fetch' });
    expect(put.status).toBe(200);
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'note.txt' }));
    expect([await got.Body!.transformToString(), got.ContentType]).toEqual(['from fetch', 'text/plain']);
    const other = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(other.status).toBe(403);
    const e = s3ErrorOf(await other.text());
    expect(e.Code).toBe('SignatureDoesNotMatch');
    expect(e.CanonicalRequest).toContain('content-type:application/json');
    if (hasCurl) {
      const viaCurl = await curl(['-X', 'PUT', '-H', 'content-type: text/plain', '--data-binary', 'from curl', url]);
      expect(viaCurl.status).toBe(200);
      const again = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'note.txt' }));
      expect(await again.Body!.transformToString()).toBe('from curl');
    }
  });

  it('expires like a GET', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: 'late.txt' }), { expiresIn: 60 });
    const r = await later(120_000, () => fetch(url, { method: 'PUT', body: 'too late' }));
    expect(r.status).toBe(403);
    expectExpired(await r.text(), url);
  });
});

describe('presigned requests carry their x-amz-* headers in the query', () => {
  it('applies the metadata, storage class, tags and checksum a PutObject URL carries', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const body = 'hoisted headers';
    const sha256 = createHash('sha256').update(body).digest('base64');
    const command = new PutObjectCommand({ Bucket: bucket, Key: 'h.txt', Metadata: { color: 'blue' }, StorageClass: 'STANDARD_IA', Tagging: 'team=web', ChecksumSHA256: sha256 });
    const url = await getSignedUrl(s3, command, { expiresIn: 60 });
    const q = new URL(url).searchParams;
    expect([q.get('x-amz-meta-color'), q.get('x-amz-storage-class'), q.get('x-amz-tagging'), q.get('x-amz-checksum-sha256')]).toEqual(['blue', 'STANDARD_IA', 'team=web', sha256]);
    const put = await fetch(url, { method: 'PUT', body });
    expect(put.status).toBe(200);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'h.txt', ChecksumMode: 'ENABLED' }));
    expect([head.Metadata, head.StorageClass, head.ChecksumSHA256]).toEqual([{ color: 'blue' }, 'STANDARD_IA', sha256]);
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'h.txt' }));
    expect(tags.TagSet).toEqual([{ Key: 'team', Value: 'web' }]);
  });

  it("refuses a body that does not match the checksum in the URL (the default client signs the empty body's CRC32) and stores nothing", async () => {
    const s3 = baseClient(nimbus);
    const bucket = await createBucket(s3);
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: 'c.txt' }), { expiresIn: 60 });
    expect(new URL(url).searchParams.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
    const put = await fetch(url, { method: 'PUT', body: 'not empty' });
    expect(put.status).toBe(400);
    expect(s3ErrorOf(await put.text())).toMatchObject({ Code: 'BadDigest', Message: 'The CRC32 you specified did not match the calculated checksum.' });
    await expect(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'c.txt' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    // The checksum of what is sent is accepted (here: the empty body the URL was signed for).
    expect((await fetch(url, { method: 'PUT', body: '' })).status).toBe(200);
  });

  it('routes a presigned CopyObject by its x-amz-copy-source parameter', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'src.txt', Body: 'original' }));
    const url = await getSignedUrl(s3, new CopyObjectCommand({ Bucket: bucket, Key: 'dst.txt', CopySource: `${bucket}/src.txt` }), { expiresIn: 60 });
    expect(new URL(url).searchParams.get('x-amz-copy-source')).toBe(`${bucket}/src.txt`);
    const copy = await fetch(url, { method: 'PUT' });
    expect(copy.status).toBe(200);
    expect(await copy.text()).toContain('<CopyObjectResult');
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'dst.txt' }));
    expect(await got.Body!.transformToString()).toBe('original');
  });
});

describe('aws s3 presign', () => {
  // The AWS CLI v1 presigns with SigV2 unless the profile asks for s3v4 (Nimbus verifies SigV4 only).
  const config = join(mkdtempSync(join(tmpdir(), 'nimbus-cli-')), 'config');
  writeFileSync(config, '[default]\ns3 =\n    signature_version = s3v4\n');

  it.skipIf(!hasAwsCli)('makes URLs that fetch reads until they expire', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'cli.txt', Body: 'via the CLI' }));
    const r = await awsCli(nimbus.current, ['s3', 'presign', `s3://${bucket}/cli.txt`, '--expires-in', '60'], { AWS_CONFIG_FILE: config });
    expect(r.status, r.stderr).toBe(0);
    const url = r.stdout.trim();
    expect(new URL(url).searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    const fresh = await fetch(url);
    expect([fresh.status, await fresh.text()]).toEqual([200, 'via the CLI']);
    const stale = await later(61_000, () => fetch(url));
    expect(stale.status).toBe(403);
    expectExpired(await stale.text(), url);
  });
});
