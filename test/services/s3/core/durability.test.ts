import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startNimbus, type StartedNimbus } from '../../../../src/index.js';
import { sigV4Header } from '../../../helpers/http.js';
import { bodyText, s3Client } from './helpers.js';
import type { TestNimbus } from '../../../helpers/nimbus.js';

const dataDir = mkdtempSync(join(tmpdir(), 'nimbus-s3-core-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function asTest(n: StartedNimbus): TestNimbus {
  return {
    current: n,
    clientConfig: (o = {}) => ({ endpoint: n.endpoint, region: n.region, credentials: n.credentials, maxAttempts: 1, ...o }),
  };
}

/** Blob files on disk (every blob is `<2 hex>/<uuid>`; `tmp/` holds partial writes). */
function blobFiles(): { stored: string[]; tmp: string[] } {
  const root = join(dataDir, 'blobs');
  const stored: string[] = [];
  for (const sub of readdirSync(root)) if (sub !== 'tmp') stored.push(...readdirSync(join(root, sub)));
  return { stored, tmp: readdirSync(join(root, 'tmp')) };
}

/** Sends a PUT that declares `declared` bytes, writes `sent` of them, then cuts the connection. */
function abortedPut(endpoint: string, path: string, declared: number, sent: number): Promise<void> {
  const url = new URL(endpoint);
  return new Promise((resolve) => {
    const req = request({ host: url.hostname, port: url.port, method: 'PUT', path, headers: { authorization: sigV4Header('s3'), 'content-length': declared } });
    req.on('error', () => resolve());
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.write(Buffer.alloc(sent, 0x61), () => setTimeout(() => req.destroy(), 50));
  });
}

// Bodies over 64 KiB are blob files; smaller ones ('survives') live in their version's row.
const ORIGINAL = 'original'.repeat(10_000);
const SECOND = 'second'.repeat(20_000);

describe('S3 durability (data dir)', () => {
  it('objects survive a restart; an aborted upload leaves the previous object and no blob behind; orphans are swept', async () => {
    const bucket = 'durable-bucket';
    let nimbus = await startNimbus({ ephemeral: false, dataDir });
    try {
      const s3 = s3Client(asTest(nimbus));
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'keep/日本 +x', Body: 'survives', Metadata: { m: 'v' } }));
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'victim', Body: ORIGINAL }));
      expect(blobFiles().stored).toHaveLength(1);

      await abortedPut(nimbus.endpoint, `/${bucket}/victim`, 1_000_000, 300_000);
      // The server notices the disconnect asynchronously; give it a moment to clean up.
      for (let i = 0; i < 50 && blobFiles().tmp.length + blobFiles().stored.length !== 1; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await bodyText((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'victim' }))).Body)).toBe(ORIGINAL);
      expect(blobFiles()).toEqual({ stored: expect.any(Array), tmp: [] });
      expect(blobFiles().stored).toHaveLength(1);

      // Overwrites remove the replaced blob.
      const replaced = blobFiles().stored;
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'victim', Body: SECOND }));
      expect(blobFiles().stored).toHaveLength(1);
      expect(blobFiles().stored).not.toEqual(replaced);
    } finally {
      await nimbus.stop();
    }

    // A blob with no row (a crash between the file and the row) is swept at start-up.
    const orphan = randomUUID();
    mkdirSync(join(dataDir, 'blobs', orphan.slice(0, 2)), { recursive: true });
    writeFileSync(join(dataDir, 'blobs', orphan.slice(0, 2), orphan), 'orphan');

    nimbus = await startNimbus({ ephemeral: false, dataDir });
    try {
      const s3 = s3Client(asTest(nimbus));
      const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'keep/日本 +x' }));
      expect(await bodyText(got.Body)).toBe('survives');
      expect(got.Metadata).toEqual({ m: 'v' });
      expect(await bodyText((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'victim' }))).Body)).toBe(SECOND);
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
      expect(listed.Contents!.map((c) => c.Key)).toEqual(['keep/日本 +x', 'victim']);
      expect(blobFiles().stored).not.toContain(orphan);
      expect(blobFiles().stored).toHaveLength(1);
    } finally {
      await nimbus.stop();
    }
  });
});
