/**
 * The lifecycle sweep against durable storage: what it expires or aborts loses its blob files,
 * what it keeps survives, and a restart brings nothing back. And the background sweep, started by
 * Nimbus itself, acting on its own once Nimbus's clock passes a rule's date.
 */
import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketLifecycleConfigurationCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sweepLifecycle } from '../../../../src/services/s3/lifecycle/sweep.js';
import { bodyText, expectS3Error } from '../core/helpers.js';
import { startClockedNimbus } from './helpers.js';

const dataDir = mkdtempSync(join(tmpdir(), 'nimbus-s3-lifecycle-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Blob files on disk (`blobs/<2 hex>/<uuid>`). */
function blobFiles(): string[] {
  const root = join(dataDir, 'blobs');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => d !== 'tmp')
    .flatMap((d) => readdirSync(join(root, d)));
}

describe('lifecycle sweep durability', () => {
  it('deletes the blobs of expired objects and aborted uploads after committing, and a restart keeps it so', async () => {
    const start = new Date('2030-01-01T10:00:00Z');
    let n = await startClockedNimbus({ start, ephemeral: false, dataDir });
    try {
      const { s3 } = n;
      await s3.send(new CreateBucketCommand({ Bucket: 'lc-durable' }));
      await s3.send(
        new PutBucketLifecycleConfigurationCommand({
          Bucket: 'lc-durable',
          LifecycleConfiguration: { Rules: [{ ID: 'tmp', Status: 'Enabled', Filter: { Prefix: 'tmp/' }, Expiration: { Days: 1 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }] },
        }),
      );
      // Over 64 KiB, so a blob file (smaller bodies, like keep/me's, live in their version's row).
      await s3.send(new PutObjectCommand({ Bucket: 'lc-durable', Key: 'tmp/old', Body: 'expires'.repeat(10_000) }));
      await s3.send(new PutObjectCommand({ Bucket: 'lc-durable', Key: 'keep/me', Body: 'stays' }));
      const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'lc-durable', Key: 'tmp/upload' }));
      await s3.send(new UploadPartCommand({ Bucket: 'lc-durable', Key: 'tmp/upload', UploadId, PartNumber: 1, Body: 'a part' }));
      expect(blobFiles()).toHaveLength(2);

      const report = await sweepLifecycle(n.store, new Date('2030-01-03T00:00:00Z'));
      expect(report).toMatchObject({ currentExpired: 1, uploadsAborted: 1 });
      expect(blobFiles()).toHaveLength(0);
    } finally {
      await n.instance.close();
    }

    n = await startClockedNimbus({ start, ephemeral: false, dataDir });
    try {
      await expectS3Error(n.s3.send(new HeadObjectCommand({ Bucket: 'lc-durable', Key: 'tmp/old' })), 'NotFound', 404);
      expect(await bodyText((await n.s3.send(new GetObjectCommand({ Bucket: 'lc-durable', Key: 'keep/me' }))).Body)).toBe('stays');
      expect(blobFiles()).toHaveLength(0);
    } finally {
      await n.instance.close();
    }
  });

  it('runs in the background every NIMBUS_S3_LIFECYCLE_INTERVAL seconds at the time of Nimbus clock', async () => {
    const n = await startClockedNimbus({ start: new Date('2030-01-01T10:00:00Z'), lifecycleInterval: 0.05 });
    try {
      const { s3, clock } = n;
      await s3.send(new CreateBucketCommand({ Bucket: 'lc-background' }));
      await s3.send(
        new PutBucketLifecycleConfigurationCommand({ Bucket: 'lc-background', LifecycleConfiguration: { Rules: [{ ID: 'all', Status: 'Enabled', Filter: {}, Expiration: { Days: 1 } }] } }),
      );
      await s3.send(new PutObjectCommand({ Bucket: 'lc-background', Key: 'k', Body: 'x' }));
      // Several sweeps run while the object is not due yet; it stays.
      await new Promise((r) => setTimeout(r, 200));
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'lc-background', Key: 'k' }));
      // x-amz-expiration names when and by which rule it will go (the midnight after one day).
      expect(head.Expiration).toBe('expiry-date="Thu, 03 Jan 2030 00:00:00 GMT", rule-id="all"');

      clock.set(new Date('2030-01-03T00:00:00Z'));
      let gone = false;
      for (let i = 0; i < 200 && !gone; i++) {
        await new Promise((r) => setTimeout(r, 25));
        gone = await s3.send(new HeadObjectCommand({ Bucket: 'lc-background', Key: 'k' })).then(
          () => false,
          () => true,
        );
      }
      expect(gone).toBe(true);
    } finally {
      await n.instance.close();
    }
  });
});
