/**
 * A real browser against Nimbus: headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core) loads pages from a small local server on another origin and
 * - submits an HTML form that POSTs a file straight to Nimbus with a signed POST policy, follows
 *   the success_action_redirect back to the page server, and the SDK reads the object back;
 * - fetch()es a presigned PUT with a custom header (preflighted) into a bucket whose CORS rules
 *   allow it, and is blocked by the browser for a bucket without CORS.
 * Skipped, with a message, when /usr/bin/chromium is absent (.ci/run installs it).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, PutBucketCorsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { createBucket, s3Client, signedPostFields } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`${CHROMIUM} is not installed: the headless Chromium tests are skipped (apt-get install chromium)`);

const nimbus = useNimbus();

/** Pages registered by path, served from another origin than Nimbus's. */
const pages = new Map<string, string>();
let pageServer: Server;
let pageOrigin = '';
let browser: BrowserContext;
let profile = '';

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

describe.skipIf(!hasChromium)('headless Chromium', () => {
  beforeAll(async () => {
    pageServer = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      const html = pages.get(path) ?? '<html><body>page server</body></html>';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), 'nimbus-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (pageServer ? pageServer.close(() => resolve()) : resolve()));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('uploads a file through an HTML form with a signed POST policy and follows the redirect', { timeout: 60_000 }, async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3, 'chromium');
    const redirect = `${pageOrigin}/done`;
    const fields = signedPostFields({
      bucket,
      accessKeyId: 'test',
      secretAccessKey: 'test',
      conditions: [['starts-with', '$key', 'uploads/'], ['starts-with', '$Content-Type', 'text/'], { success_action_redirect: redirect }, ['content-length-range', 1, 1024 * 1024]],
      fields: { key: 'uploads/${filename}', 'Content-Type': 'text/plain', success_action_redirect: redirect },
    });
    const inputs = fields.map(([k, v]) => `<input type="hidden" name="${escapeAttr(k)}" value="${escapeAttr(v)}">`).join('\n');
    pages.set(
      '/form.html',
      `<html><body>
<form action="${nimbus.current.endpoint}/${bucket}" method="post" enctype="multipart/form-data">
${inputs}
<input type="file" name="file">
<input type="submit" name="submit" value="Upload">
</form></body></html>`,
    );
    pages.set('/done', '<html><body>uploaded</body></html>');
    const page = await browser.newPage();
    try {
      await page.goto(`${pageOrigin}/form.html`);
      await page.setInputFiles('input[name=file]', { name: 'greeting.txt', mimeType: 'text/plain', buffer: Buffer.from('hello from chromium') });
      await Promise.all([page.waitForURL(`${redirect}?**`), page.click('input[type=submit]')]);
      const landed = new URL(page.url());
      expect(landed.searchParams.get('bucket')).toBe(bucket);
      expect(landed.searchParams.get('key')).toBe('uploads/greeting.txt');
      expect(landed.searchParams.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
      expect(await page.textContent('body')).toBe('uploaded');
    } finally {
      await page.close();
    }
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'uploads/greeting.txt' }));
    expect([await got.Body!.transformToString(), got.ContentType]).toEqual(['hello from chromium', 'text/plain']);
  });

  /** Runs a preflighted PUT from a page of the page server's origin; what the page saw. */
  async function putFromPage(url: string): Promise<{ ok: boolean; status?: number; etag?: string | null; error?: string }> {
    const page = await browser.newPage();
    try {
      await page.goto(`${pageOrigin}/blank.html`);
      return await page.evaluate(async (target) => {
        try {
          const r = await fetch(target, { method: 'PUT', headers: { 'content-type': 'text/plain', 'x-amz-meta-note': 'sent by a page' }, body: 'cross-origin body' });
          return { ok: true, status: r.status, etag: r.headers.get('etag') };
        } catch (e) {
          return { ok: false, error: String(e) };
        }
      }, url);
    } finally {
      await page.close();
    }
  }

  it('lets a page on another origin PUT with a custom header when the bucket’s CORS rules allow it, and blocks it otherwise', { timeout: 60_000 }, async () => {
    const s3 = s3Client(nimbus, { requestChecksumCalculation: 'WHEN_REQUIRED' });
    const open = await createBucket(s3, 'chromium');
    await s3.send(
      new PutBucketCorsCommand({
        Bucket: open,
        CORSConfiguration: { CORSRules: [{ AllowedOrigins: [pageOrigin], AllowedMethods: ['PUT'], AllowedHeaders: ['content-type', 'x-amz-meta-*'], ExposeHeaders: ['ETag'], MaxAgeSeconds: 60 }] },
      }),
    );
    // The page sends x-amz-meta-note, so the URL must sign it as a header (S3 refuses unsigned x-amz-* headers).
    const presignPut = (Bucket: string) =>
      getSignedUrl(s3, new PutObjectCommand({ Bucket, Key: 'from-page.txt', Metadata: { note: 'sent by a page' } }), { expiresIn: 300, unhoistableHeaders: new Set(['x-amz-meta-note']) });
    const allowed = await putFromPage(await presignPut(open));
    expect(allowed).toMatchObject({ ok: true, status: 200 });
    expect(allowed.etag).toMatch(/^"[0-9a-f]{32}"$/);
    const head = await s3.send(new HeadObjectCommand({ Bucket: open, Key: 'from-page.txt' }));
    expect(head.Metadata).toEqual({ note: 'sent by a page' });

    const closed = await createBucket(s3, 'chromium');
    const blocked = await putFromPage(await presignPut(closed));
    expect(blocked.ok).toBe(false);
    expect(blocked.error).toContain('Failed to fetch');
    // The preflight was refused, so the PUT itself was never sent.
    await expect(s3.send(new HeadObjectCommand({ Bucket: closed, Key: 'from-page.txt' }))).rejects.toMatchObject({ name: 'NotFound' });
  });
});
