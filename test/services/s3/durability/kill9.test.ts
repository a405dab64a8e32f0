/**
 * Crash safety of S3 with the built CLI (`node dist/nimbus.mjs start`), as users run it:
 * `kill -9` in the middle of a 200 MiB PUT that replaces an object, and in the middle of a load
 * of small PutObjects. After a restart on the same data dir, the replaced object is intact (same
 * ETag, same bytes), every acknowledged write is there, an acknowledged UploadPart survives, and
 * start-up has cleaned the blob store: one blob per stored object or part, no temporary file
 * (small bodies, up to 64 KiB, are kept in their version's row and have no blob).
 */
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sigV4Header } from '../../../helpers/http.js';
import { bodyBytes, bodyText } from '../core/helpers.js';
import { MiB, blobFiles, md5Hex, payload } from '../clients/helpers.js';
import { eventually, hasBuiltCli, kill9, startNimbusProcess } from './helpers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'nimbus-s3-kill9-'));
  dirs.push(d);
  return d;
}

const client = (endpoint: string) =>
  new S3Client({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1, forcePathStyle: true });

/** Size of the largest temporary blob file (the upload being streamed to disk). */
function largestTmp(dir: string): number {
  let largest = 0;
  for (const name of blobFiles(dir).tmp) {
    try {
      largest = Math.max(largest, statSync(join(dir, 'blobs', 'tmp', name)).size);
    } catch {
      // renamed or removed meanwhile
    }
  }
  return largest;
}

/**
 * A PUT declaring `total` bytes, written 1 MiB at a time as fast as the server reads them, until
 * the connection breaks. Resolves with how it ended.
 */
function hugePut(endpoint: string, path: string, total: number): { ended: Promise<string> } {
  const url = new URL(endpoint);
  const chunk = payload(MiB, 99);
  const ended = new Promise<string>((resolve) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      method: 'PUT',
      path,
      agent: false,
      headers: { authorization: sigV4Header('s3'), 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-length': total },
    });
    req.on('error', (e) => resolve(`error: ${e.message}`));
    req.on('response', (res) => {
      res.resume();
      resolve(`answered ${res.statusCode}`);
    });
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
  return { ended };
}

describe.skipIf(!hasBuiltCli)('S3 under kill -9 (built CLI)', () => {
  it('a 200 MiB PUT killed mid-way: the old object intact, an acknowledged part kept, no blob or temp file left', async () => {
    const dir = dataDir();
    const first = await startNimbusProcess(dir);
    const s3 = client(first.endpoint);
    const bucket = 'kill9-large';
    const old = payload(3 * MiB + 17, 1);
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'big', Body: old, Metadata: { generation: 'old' } }));
    // An upload in progress with one acknowledged part: parts are durable too.
    const part = payload(5 * MiB, 2);
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'parts' }));
    const part1 = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'parts', UploadId, PartNumber: 1, Body: part }));

    const upload = hugePut(first.endpoint, `/${bucket}/big`, 200 * MiB);
    // Kill once a good share of the new body is on disk (the temporary blob is growing).
    const midway = await eventually(() => largestTmp(dir) >= 40 * MiB, 30_000);
    await kill9(first);
    if (process.env.NIMBUS_TEST_VERBOSE) console.log(`killed with ${(largestTmp(dir) / MiB).toFixed(1)} MiB of the 200 MiB PUT on disk`);
    const ending = await upload.ended;
    expect(midway, `the upload never reached 40 MiB on disk (${ending})`).toBe(true);
    expect(ending).toMatch(/^error/);

    const second = await startNimbusProcess(dir);
    try {
      const after = client(second.endpoint);
      const got = await after.send(new GetObjectCommand({ Bucket: bucket, Key: 'big' }));
      expect({ etag: got.ETag, length: got.ContentLength, metadata: got.Metadata }).toEqual({ etag: put.ETag, length: old.length, metadata: { generation: 'old' } });
      expect(md5Hex(await bodyBytes(got.Body))).toBe(md5Hex(old));
      const versions = await after.send(new ListObjectVersionsCommand({ Bucket: bucket }));
      expect(versions.Versions!.map((v) => [v.Key, v.ETag])).toEqual([['big', put.ETag]]);

      const parts = await after.send(new ListPartsCommand({ Bucket: bucket, Key: 'parts', UploadId }));
      expect(parts.Parts!.map((p) => [p.PartNumber, p.ETag, p.Size])).toEqual([[1, part1.ETag, part.length]]);
      // Start-up swept the partial 200 MiB file: one blob for the object, one for the part.
      expect(blobFiles(dir)).toEqual({ stored: expect.any(Array), tmp: [] });
      expect(blobFiles(dir).stored).toHaveLength(2);

      await after.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'parts', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part1.ETag }] } }));
      const completed = await after.send(new GetObjectCommand({ Bucket: bucket, Key: 'parts' }));
      expect(md5Hex(await bodyBytes(completed.Body))).toBe(md5Hex(part));
    } finally {
      await kill9(second);
    }
  }, 90_000);

  it('many small PutObjects under load, then kill -9: every acknowledged object is there after a restart', async () => {
    const dir = dataDir();
    const first = await startNimbusProcess(dir);
    const s3 = client(first.endpoint);
    const bucket = 'kill9-load';
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    // Each writer owns 10 keys and overwrites them in turn, so the load mixes new keys and
    // replacements. Per key: the last acknowledged body, and the body in flight when the process
    // died (which may have committed without its answer getting out).
    const WRITERS = 12;
    const acknowledged = new Map<string, string>();
    const inFlight = new Map<string, string>();
    let acks = 0;
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const key = `w${w}/k${i % 10}`;
        const body = `writer ${w} write ${i} ${'x'.repeat(i % 50)}`;
        inFlight.set(key, body);
        try {
          await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
        } catch {
          return; // the process died under us: this write was never acknowledged
        }
        inFlight.delete(key);
        acknowledged.set(key, body);
        acks++;
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await eventually(() => acks >= 300, 20_000);
    await kill9(first);
    stop = true;
    await Promise.all(writers);
    expect(acks).toBeGreaterThan(100);
    if (process.env.NIMBUS_TEST_VERBOSE) console.log(`acknowledged PutObjects before kill -9: ${acks} (${acknowledged.size} keys, ${inFlight.size} in flight)`);

    const second = await startNimbusProcess(dir);
    try {
      const after = client(second.endpoint);
      for (const [key, body] of acknowledged) {
        const stored = await bodyText((await after.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body);
        const allowed = [body, inFlight.get(key)].filter((b) => b !== undefined);
        expect(allowed, key).toContain(stored);
      }
      const listed = await after.send(new ListObjectsV2Command({ Bucket: bucket }));
      const keys = listed.Contents!.map((c) => c.Key!);
      // Nothing but acknowledged or in-flight keys, each once.
      for (const key of keys) expect(acknowledged.has(key) || inFlight.has(key), key).toBe(true);
      for (const key of acknowledged.keys()) expect(keys).toContain(key);
      const head = await after.send(new HeadObjectCommand({ Bucket: bucket, Key: keys[0]! }));
      expect(head.ContentLength).toBeGreaterThan(0);
      // Every body here is small: kept in its row, committed with it, so no blob file at all.
      expect(blobFiles(dir)).toEqual({ stored: [], tmp: [] });
    } finally {
      await kill9(second);
    }
  }, 90_000);
});
