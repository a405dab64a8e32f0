/**
 * Shared bits for the S3 cross-client tests: a Nimbus on a real data dir (so tests can look at
 * what lands on the filesystem), scratch folders, deterministic payloads and the listing of the
 * blob store. The `aws` CLI and boto3 runners are the common ones in test/helpers/nimbus.ts.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { createCipheriv, createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll } from 'vitest';
import { startNimbus, type StartedNimbus } from '../../../../src/index.js';

export const MiB = 1024 * 1024;

export interface DurableNimbus {
  readonly current: StartedNimbus;
  readonly dataDir: string;
  /** Stops and starts again on the same data dir (start-up sweeps unreferenced blobs). */
  restart(): Promise<void>;
  s3(overrides?: Record<string, unknown>): S3Client;
}

/** One Nimbus per test file, file-backed in a fresh temporary data dir removed afterwards. */
export function useDurableNimbus(): DurableNimbus {
  const dataDir = mkdtempSync(join(tmpdir(), 'nimbus-s3-clients-'));
  let nimbus: StartedNimbus | undefined;
  beforeAll(async () => {
    nimbus = await startNimbus({ ephemeral: false, dataDir });
  });
  afterAll(async () => {
    await nimbus?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    dataDir,
    get current() {
      if (!nimbus) throw new Error('Nimbus is not started yet (use it inside a test)');
      return nimbus;
    },
    async restart() {
      await nimbus?.stop();
      nimbus = undefined;
      nimbus = await startNimbus({ ephemeral: false, dataDir });
    },
    s3(overrides = {}) {
      const n = this.current;
      return new S3Client({ endpoint: n.endpoint, region: n.region, credentials: n.credentials, maxAttempts: 1, forcePathStyle: true, ...overrides });
    },
  };
}

/** A scratch folder removed after the test file. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `nimbus-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** `size` pseudo-random bytes, the same for the same seed (an AES-CTR keystream: fast, and no two blocks alike). */
export function payload(size: number, seed = 1): Buffer {
  const key = createHash('sha256').update(`seed-${seed}`).digest().subarray(0, 16);
  return createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(size));
}

export function md5Hex(data: Buffer): string {
  return createHash('md5').update(data).digest('hex');
}

/** A CRC32 as S3 sends it: the 4 bytes big-endian, base64. */
export function crc32Base64(data: Buffer): string {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(data) >>> 0);
  return out.toString('base64');
}

/** `data` cut into parts of `size` bytes (the last one shorter), as SDKs cut multipart uploads. */
export function split(data: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < data.length; at += size) out.push(data.subarray(at, at + size));
  return out;
}

/** S3's composite checksum: the CRC32 of the parts' binary CRC32s, then `-N`. */
export function compositeCrc32(parts: Buffer[]): string {
  return `${crc32Base64(Buffer.concat(parts.map((p) => Buffer.from(crc32Base64(p), 'base64'))))}-${parts.length}`;
}

/** S3's multipart ETag (quoted): the MD5 of the parts' binary MD5s, then `-N`. */
export function multipartEtag(parts: Buffer[]): string {
  return `"${md5Hex(Buffer.concat(parts.map((p) => Buffer.from(md5Hex(p), 'hex'))))}-${parts.length}"`;
}

/** Writes `data` to `dir/name` and returns the path. */
export function writeFile(dir: string, name: string, data: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** Files under the data dir's blob store: stored blobs (`<2 hex>/<uuid>`) and partial writes (`tmp/`). */
export function blobFiles(dataDir: string): { stored: string[]; tmp: string[] } {
  const root = join(dataDir, 'blobs');
  const stored: string[] = [];
  const tmp: string[] = [];
  if (!existsSync(root)) return { stored, tmp };
  for (const sub of readdirSync(root)) {
    const names = readdirSync(join(root, sub));
    if (sub === 'tmp') tmp.push(...names);
    else stored.push(...names.map((n) => `${sub}/${n}`));
  }
  return { stored: stored.sort(), tmp: tmp.sort() };
}

/** Every path under `dir`, relative to it (files and folders). */
export function allPaths(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      out.push(relative(dir, p));
      if (statSync(p).isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

let counter = 0;
/** A bucket name unique within the test run. */
export function bucketName(prefix: string): string {
  counter++;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Compares two strings as S3 orders keys: by their UTF-8 bytes. */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
