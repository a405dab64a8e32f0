/**
 * Throughput of upload integrity (not a test: `npx tsx test/services/s3/integrity/bench-integrity.ts [MiB]`):
 *   1. each checksum over one buffer in 64 KiB pieces, beside node's MD5 and the AWS SDK's own CRCs;
 *   2. digestUpload over an in-memory stream (MD5 + one checksum), beside a stream that only does
 *      MD5 and one that does nothing;
 *   3. a PUT of the same size through a real Nimbus (curl, another process), its PutObject replaced
 *      by a probe that runs digestUpload and drops the bytes (so storage is not measured): a plain
 *      body, and an aws-chunked one (STREAMING-UNSIGNED-PAYLOAD-TRAILER, 64 KiB chunks, CRC32
 *      trailer); beside it the same body read and dropped unhashed, and stored by the real PutObject
 *      (in-memory Nimbus: blobs in a temporary directory).
 * The machine is shared and noisy: each figure is the best of several rounds, interleaved.
 */
import { Crc32, Crc32c, Crc64Nvme } from '@aws-sdk/checksums/crc';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Transform, type TransformCallback } from 'node:stream';
import { startNimbus } from '../../../../src/index.js';
import { ALGORITHMS, CHECKSUM_ALGORITHMS, checksumOf, type ChecksumAlgorithm } from '../../../../src/services/s3/domain/checksums/algorithms.js';
import { digestUpload, uploadChecksOf } from '../../../../src/services/s3/domain/integrity.js';
import { s3 } from '../../../../src/services/s3/index.js';
import type { PutObjectRequest } from '../../../../src/services/s3/generated/types.js';
import { encodeChunked } from '../../../auth/sigv4/chunked-helpers.js';

const MIB = 1024 * 1024;
const SIZE = Number(process.argv[2] ?? 256) * MIB;
const PIECE = 64 * 1024;
const ROUNDS = 3;
const data = randomBytes(SIZE);
const pieces: Buffer[] = [];
for (let i = 0; i < SIZE; i += PIECE) pieces.push(data.subarray(i, i + PIECE));

const mbps = (ms: number) => SIZE / MIB / (ms / 1000);
const fmt = (rate: number) => `${Math.round(rate).toString().padStart(5)} MB/s`;

/** CPU ms per MiB (every thread of the process) of each candidate's best round, by name. */
const cpuPerMib: Record<string, number> = {};

/** Best rate of each candidate over ROUNDS interleaved rounds. */
async function interleaved(candidates: Record<string, () => unknown>): Promise<Record<string, number>> {
  const best: Record<string, number> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(candidates)) {
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      await run();
      const rate = mbps(Number(process.hrtime.bigint() - start) / 1e6);
      const used = process.cpuUsage(cpu);
      cpuPerMib[name] = Math.min(cpuPerMib[name] ?? Infinity, (used.user + used.system) / 1000 / (SIZE / MIB));
      best[name] = Math.max(best[name] ?? 0, rate);
    }
  }
  return best;
}

const cpu = (name: string) => `CPU ${cpuPerMib[name]!.toFixed(2)} ms/MiB`;

function hashPieces(create: () => { update(d: Uint8Array): void; digest(): unknown }): () => unknown {
  return () => {
    const h = create();
    for (const p of pieces) h.update(p);
    return h.digest();
  };
}

async function algorithms(): Promise<number> {
  console.log(`\n1. checksums over ${SIZE / MIB} MiB in 64 KiB pieces (best of ${ROUNDS})`);
  const candidates: Record<string, () => unknown> = { 'MD5 (node)': hashPieces(() => createHash('md5')) };
  for (const a of CHECKSUM_ALGORITHMS) candidates[`${a} (Nimbus)`] = hashPieces(() => ALGORITHMS[a].create());
  candidates['CRC32 (SDK)'] = hashPieces(() => new Crc32());
  candidates['CRC32C (SDK)'] = hashPieces(() => new Crc32c());
  candidates['CRC64NVME (SDK)'] = hashPieces(() => new Crc64Nvme());
  const rates = await interleaved(candidates);
  for (const [name, rate] of Object.entries(rates)) console.log(`  ${name.padEnd(18)} ${fmt(rate)}  ${cpu(name)}`);
  return rates['MD5 (node)']!;
}

class Md5Only extends Transform {
  readonly md5 = createHash('md5');
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback): void {
    this.md5.update(chunk);
    cb(null, chunk);
  }
}

function drain(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.on('data', () => {});
    stream.on('end', resolve);
    stream.on('error', reject);
  });
}

async function streams(md5Rate: number): Promise<void> {
  console.log(`\n2. digestUpload over an in-memory stream of ${SIZE / MIB} MiB (best of ${ROUNDS})`);
  const candidates: Record<string, () => Promise<unknown>> = {
    'passthrough only': () => drain(Readable.from(pieces).pipe(new PassThrough())),
    'MD5 only': () => drain(Readable.from(pieces).pipe(new Md5Only())),
  };
  // expectedSize decides where the MD5 runs: declared ≥ 1 MiB, on the MD5 worker; unknown, inline.
  const algorithmsToTry: ChecksumAlgorithm[] = ['CRC64NVME', 'CRC32', 'CRC32C', 'SHA256'];
  for (const [where, expectedSize] of [['inline MD5', undefined], ['MD5 worker', SIZE]] as const) {
    for (const a of algorithmsToTry) {
      candidates[`digestUpload ${a}, ${where}`] = async () => {
        const up = digestUpload(Readable.from(pieces), { checksums: {}, defaultAlgorithm: a, expectedSize });
        await drain(up.body);
        return up.result();
      };
    }
  }
  const rates = await interleaved(candidates);
  const md5Stream = rates['MD5 only']!;
  for (const [name, rate] of Object.entries(rates)) {
    console.log(`  ${name.padEnd(36)} ${fmt(rate)}  ${Math.round((rate / md5Stream) * 100)}% of the MD5-only stream, ${Math.round((rate / md5Rate) * 100)}% of bare MD5; ${cpu(name)}`);
  }
}

function curl(args: string[]): Promise<{ status: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code} %{time_total}', ...args]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const [status, seconds] = out.trim().split(' ');
      resolve({ status: Number(status), seconds: Number(seconds) });
    });
  });
}

async function throughNimbus(md5Rate: number): Promise<void> {
  console.log(`\n3. a ${SIZE / MIB} MiB PUT through Nimbus (curl; the handler digests and drops the bytes; best of ${ROUNDS})`);
  const handlers = s3.handlers as Record<string, unknown>;
  const realPutObject = handlers.PutObject as (input: PutObjectRequest, ctx: unknown) => Promise<unknown>;
  let digested = 0;
  handlers.PutObject = async (input: PutObjectRequest, ctx: unknown) => {
    const body = input.Body as Readable;
    if (input.Key === 'stored') {
      digested = SIZE; // the real handler checks the size itself
      return realPutObject(input, ctx);
    }
    if (input.Key === 'no-digest') {
      // The HTTP ceiling: the same request, its body read and dropped without hashing.
      body.on('data', (b: Buffer) => (digested += b.length));
      await new Promise((resolve) => body.on('end', resolve));
      return { ETag: '"x"' };
    }
    const up = digestUpload(body, uploadChecksOf(input));
    await drain(up.body);
    digested = up.result().size;
    return { ETag: '"x"' };
  };
  const nimbus = await startNimbus({ logLevel: 'error' });
  const client = new S3Client({ endpoint: nimbus.endpoint, region: nimbus.region, credentials: nimbus.credentials, forcePathStyle: true });
  await client.send(new CreateBucketCommand({ Bucket: 'bench' }));
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-integrity-bench-'));
  try {
    const plainFile = join(dir, 'plain');
    writeFileSync(plainFile, data);
    const chunkedFile = join(dir, 'chunked');
    writeFileSync(chunkedFile, encodeChunked(pieces, undefined, { 'x-amz-checksum-crc32': checksumOf('CRC32', data).toString('base64') }));
    const auth = `Authorization: AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`;
    const url = `${nimbus.endpoint}/bench/object`;
    const common = ['-X', 'PUT', '-H', auth, '-H', 'Expect:', '-H', 'Content-Type: application/octet-stream'];
    const cases: Record<string, string[]> = {
      'plain body, not hashed': [...common, '-H', 'x-amz-content-sha256: UNSIGNED-PAYLOAD', '--data-binary', `@${plainFile}`, `${nimbus.endpoint}/bench/no-digest`],
      'plain body (UNSIGNED-PAYLOAD)': [...common, '-H', 'x-amz-content-sha256: UNSIGNED-PAYLOAD', '--data-binary', `@${plainFile}`, url],
      'plain body, real PutObject': [...common, '-H', 'x-amz-content-sha256: UNSIGNED-PAYLOAD', '--data-binary', `@${plainFile}`, `${nimbus.endpoint}/bench/stored`],
      'aws-chunked, CRC32 trailer': [
        ...common,
        '-H', 'x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER',
        '-H', 'Content-Encoding: aws-chunked',
        '-H', `x-amz-decoded-content-length: ${SIZE}`,
        '-H', 'x-amz-trailer: x-amz-checksum-crc32',
        '--data-binary', `@${chunkedFile}`,
        url,
      ],
    };
    const best: Record<string, number> = {};
    const cpuMsPerMb: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, args] of Object.entries(cases)) {
        digested = 0;
        const cpu = process.cpuUsage();
        const r = await curl(args);
        const used = process.cpuUsage(cpu);
        cpuMsPerMb[name] = Math.min(cpuMsPerMb[name] ?? Infinity, (used.user + used.system) / 1000 / (SIZE / MIB));
        if (r.status !== 200 || digested !== SIZE) throw new Error(`${name}: HTTP ${r.status}, ${digested} bytes digested`);
        best[name] = Math.max(best[name] ?? 0, SIZE / MIB / r.seconds);
      }
    }
    for (const [name, rate] of Object.entries(best)) {
      console.log(`  ${name.padEnd(32)} ${fmt(rate)}  ${Math.round((rate / md5Rate) * 100)}% of bare MD5; Nimbus CPU ${cpuMsPerMb[name]!.toFixed(2)} ms/MiB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await nimbus.stop();
  }
}

const md5Rate = await algorithms();
await streams(md5Rate);
await throughNimbus(md5Rate);
