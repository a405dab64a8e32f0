/**
 * The S3 phase, against a Nimbus with durable storage (`--data-dir`), as users run it:
 *   - CPU per 1 KiB PutObject and GetObject under autocannon (replaying SDK-signed requests) at 1
 *     and 16 connections, interleaved with the bare server; targets ≤ 3× and ≤ 2× its CPU per request;
 *   - a 256 MiB PUT and GET with curl through presigned URLs, next to the machine's MD5 rate and its
 *     page-cache read bandwidth (`dd`), measured in the same run; targets ≥ 60% and ≥ 50%;
 *   - Nimbus's RSS growth while a 2 GiB object streams in (target < 64 MiB);
 *   - ListObjectsV2 (prefix + delimiter, 1,000 keys a page) on a large bucket vs a 1,000-key one
 *     (see s3-listing.ts).
 */
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sha256 } from '../test/auth/sigv4/sdk-signer.js';
import { rssMb, startServer, type RunningServer } from './processes.js';
import { cpuFigure, cpuRows, phaseLine, round, table, type CpuFigure, type PhaseResult } from './report.js';
import { clientConfig, describeSdkError, type Operation, type SdkClient } from './requests.js';
import { autocannonTarget, runInterleaved, type TimingOptions } from './targets.js';

export const S3_TARGETS = { putCpuRatioMax: 3, getCpuRatioMax: 2, putMd5ShareMin: 0.6, getDdShareMin: 0.5, uploadRssGrowthMaxMb: 64 } as const;

const BUCKET = 'nimbus-bench';
const SMALL_KEY = 'small/1k';
const SMALL_BODY = randomBytes(1024);

function s3Client(endpoint: string): S3Client {
  return new S3Client({ ...clientConfig(endpoint), forcePathStyle: true });
}

export const putSmall: Operation = {
  name: 's3.PutObject 1 KiB',
  client: (endpoint) => s3Client(endpoint) as unknown as SdkClient,
  command: () => new PutObjectCommand({ Bucket: BUCKET, Key: SMALL_KEY, Body: SMALL_BODY }),
  looksRight: () => true,
};

export const getSmall: Operation = {
  name: 's3.GetObject 1 KiB',
  client: (endpoint) => s3Client(endpoint) as unknown as SdkClient,
  command: () => new GetObjectCommand({ Bucket: BUCKET, Key: SMALL_KEY }),
  looksRight: (body) => body.length === 1024,
};

export async function setupSmall(endpoint: string): Promise<void> {
  const s3 = s3Client(endpoint);
  try {
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: SMALL_KEY, Body: SMALL_BODY }));
  } finally {
    s3.destroy();
  }
}

// --- presigned URLs for curl -----------------------------------------------------------------

async function presign(endpoint: string, method: 'GET' | 'PUT', key: string): Promise<string> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service: 's3', region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, sha256: Sha256, uriEscapePath: false });
  const signed = await signer.presign(
    { method, protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: `/${BUCKET}/${key}`, query: {}, headers: { host: url.host } },
    { expiresIn: 3600 },
  );
  const query = Object.entries(signed.query ?? {}).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&');
  return `${endpoint}${signed.path}?${query}`;
}

/** Runs curl; returns the HTTP status and seconds taken. */
function curl(args: string[]): { status: number; seconds: number } {
  const r = spawnSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code} %{time_total}', ...args], { encoding: 'utf8' });
  const [status, seconds] = r.stdout.trim().split(' ');
  return { status: Number(status), seconds: Number(seconds) };
}

/** MB/s of node's MD5 (OpenSSL) over `buf`, best of three. */
function md5Rate(buf: Buffer): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    createHash('md5').update(buf).digest();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return buf.length / 2 ** 20 / best;
}

/** MB/s of `dd` reading `file` from the page cache, best of three. */
function ddRate(file: string, bytes: number): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync('dd', [`if=${file}`, 'of=/dev/null', 'bs=1M'], { stdio: 'ignore' });
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return bytes / 2 ** 20 / best;
}

/** Streams `bytes` of generated data to a presigned PUT, sampling the server's RSS; returns the growth in MB. */
async function uploadWatchingRss(server: RunningServer, url: string, bytes: number): Promise<{ status: number; growthMb: number; seconds: number }> {
  const before = rssMb(server.pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 50);
  const chunk = randomBytes(1 << 20);
  const t0 = process.hrtime.bigint();
  try {
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(url);
      const req = request({ host: u.hostname, port: u.port, method: 'PUT', path: u.pathname + u.search, headers: { 'content-length': String(bytes) }, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      let sent = 0;
      const pump = () => {
        while (sent < bytes) {
          const n = Math.min(chunk.length, bytes - sent);
          sent += n;
          if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    return { status, growthMb: round(peak - before, 1), seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
  } finally {
    clearInterval(timer);
  }
}

export interface S3Figures {
  cpu: CpuFigure[];
  large?: { mb: number; md5MBps: number; putMBps: number; putShare: number; ddMBps: number; getMBps: number; getShare: number };
  rss?: { mb: number; growthMb: number; MBps: number };
}

export async function s3Phase(opts: TimingOptions & { quick: boolean }, connections: readonly number[]): Promise<{ phases: PhaseResult[]; figures: S3Figures }> {
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-bench-s3-'));
  const phases: PhaseResult[] = [];
  const figures: S3Figures = { cpu: [] };
  const servers: RunningServer[] = [];
  try {
    const nimbus = await startServer('nimbus', { dataDir: join(dir, 'data') });
    servers.push(nimbus);
    const bare = await startServer('bare');
    servers.push(bare);
    await setupSmall(nimbus.endpoint);
    for (const c of connections) {
      console.log(`\n▸ S3 1 KiB objects, ${c} connection${c > 1 ? 's' : ''} (durable storage)`);
      const results = await runInterleaved([autocannonTarget(bare, putSmall, c, opts), autocannonTarget(nimbus, putSmall, c, opts), autocannonTarget(nimbus, getSmall, c, opts)], opts);
      for (const r of results) {
        phases.push(r);
        console.log(`  ${phaseLine(r)}`);
        if (r.refused) console.log(`      probe answered ${r.probe}`);
      }
      const [b, put, get] = results as [PhaseResult, PhaseResult, PhaseResult];
      for (const [r, target] of [[put, S3_TARGETS.putCpuRatioMax], [get, S3_TARGETS.getCpuRatioMax]] as const) {
        const figure = cpuFigure(r, b, c, target);
        if (figure) figures.cpu.push(figure);
      }
    }

    const mb = opts.quick ? 64 : 256;
    console.log(`\n▸ S3 ${mb} MiB object with curl (presigned PUT and GET), vs MD5 and dd in the same run`);
    const file = join(dir, 'large.bin');
    const data = randomBytes(mb * 2 ** 20);
    const fd = openSync(file, 'w');
    writeSync(fd, data);
    closeSync(fd);
    readFileSync(file); // into the page cache
    const md5MBps = md5Rate(data);
    const put = curl(['-T', file, await presign(nimbus.endpoint, 'PUT', 'large')]);
    const get = curl([await presign(nimbus.endpoint, 'GET', 'large')]);
    const ddMBps = ddRate(file, data.length);
    if (put.status === 200 && get.status === 200) {
      const putMBps = mb / put.seconds;
      const getMBps = mb / get.seconds;
      figures.large = { mb, md5MBps: round(md5MBps, 0), putMBps: round(putMBps, 0), putShare: round(putMBps / md5MBps, 2), ddMBps: round(ddMBps, 0), getMBps: round(getMBps, 0), getShare: round(getMBps / ddMBps, 2) };
      console.log(`  PUT ${figures.large.putMBps} MB/s (MD5 ${figures.large.md5MBps} MB/s), GET ${figures.large.getMBps} MB/s (dd ${figures.large.ddMBps} MB/s)`);
    } else {
      console.log(`  curl answered PUT ${put.status}, GET ${get.status}: no figures`);
    }

    const bigMb = opts.quick ? 512 : 2048;
    console.log(`\n▸ S3 ${bigMb} MiB upload: Nimbus RSS growth`);
    const up = await uploadWatchingRss(nimbus, await presign(nimbus.endpoint, 'PUT', 'huge'), bigMb * 2 ** 20);
    if (up.status === 200) {
      figures.rss = { mb: bigMb, growthMb: up.growthMb, MBps: round(bigMb / up.seconds, 0) };
      console.log(`  RSS grew ${up.growthMb} MB (${figures.rss.MBps} MB/s)`);
    } else {
      console.log(`  upload answered ${up.status}: no figures`);
    }
  } catch (e) {
    console.log(`  S3 phase failed: ${describeSdkError(e)}`);
  } finally {
    for (const s of servers) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return { phases, figures };
}

export function printS3Summary(f: S3Figures): void {
  const rows = cpuRows(f.cpu);
  if (f.large) {
    rows.push([`PUT ${f.large.mb} MiB (curl) vs MD5 rate`, `${f.large.putMBps} MB/s`, `${f.large.md5MBps} MB/s`, `${Math.round(f.large.putShare * 100)}%`, `≥ ${S3_TARGETS.putMd5ShareMin * 100}%`, f.large.putShare >= S3_TARGETS.putMd5ShareMin ? '✓' : '✗', '']);
    rows.push([`GET ${f.large.mb} MiB (curl) vs dd`, `${f.large.getMBps} MB/s`, `${f.large.ddMBps} MB/s`, `${Math.round(f.large.getShare * 100)}%`, `≥ ${S3_TARGETS.getDdShareMin * 100}%`, f.large.getShare >= S3_TARGETS.getDdShareMin ? '✓' : '✗', '']);
  }
  if (f.rss) rows.push([`RSS growth, ${f.rss.mb} MiB upload`, `${f.rss.growthMb} MB`, '', '', `< ${S3_TARGETS.uploadRssGrowthMaxMb} MB`, f.rss.growthMb < S3_TARGETS.uploadRssGrowthMaxMb ? '✓' : '✗', '']);
  if (!rows.length) return;
  console.log('');
  console.log(table(['S3 (durable storage)', 'Nimbus', 'baseline', 'ratio', 'target', '', '(rounds)'], rows));
}
