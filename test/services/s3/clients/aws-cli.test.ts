/**
 * The `aws` CLI unchanged (only AWS_ENDPOINT_URL and the test credentials set): the high-level
 * `aws s3` commands (mb, cp up and down, sync both ways, ls, rm --recursive, rb --force, presign)
 * and a few `aws s3api` calls. A 20 MiB file goes multipart (the CLI's threshold and part size are
 * 8 MiB) with the CLI's default checksums, and comes back with ranged GETs.
 *
 * Each `aws` process costs about two seconds to start here, so independent commands run side by
 * side (as separate processes, exactly as a user would run them).
 */
import { GetObjectCommand, HeadBucketCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { awsCli, hasAwsCli, type CliResult } from '../../../helpers/nimbus.js';
import { bodyText, expectS3Error } from '../core/helpers.js';
import { MiB, allPaths, bucketName, md5Hex, payload, scratchDir, useDurableNimbus, writeFile } from './helpers.js';

const nimbus = useDurableNimbus();
const work = scratchDir('s3-cli');

function ok(r: CliResult): CliResult {
  expect(r.status, `stdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(0);
  return r;
}

const aws = (args: string[], env: Record<string, string> = {}) => awsCli(nimbus.current, args, env);

/** A config file asking for SigV4 presigned URLs (CLI v1 presigns with SigV2 otherwise). */
function sigV4Config(): string {
  return writeFile(work, 'config-s3v4', '[default]\ns3 =\n    signature_version = s3v4\n');
}

function curl(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('curl', ['-s', '-o', '-', '-w', '\n%{http_code}', url]);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.on('error', reject);
    child.on('close', () => {
      const all = Buffer.concat(chunks);
      const cut = all.lastIndexOf('\n');
      resolve({ status: Number(all.subarray(cut + 1).toString()), body: all.subarray(0, cut).toString() });
    });
  });
}

/**
 * The S3 side of each transfer `aws s3 cp/sync/rm` reports ("upload: <file> to s3://…",
 * "download: s3://… to <file>", "delete: s3://…"), sorted; the local side is printed relative to
 * the working directory, so it is left out.
 */
function transfers(r: CliResult): string[] {
  const out: string[] = [];
  for (const line of r.stdout.split(/[\r\n]+/)) {
    const m = /^(upload|download|delete): (?:.* to )?(s3:\/\/.*?)(?: to .*)?$/.exec(line.trim());
    if (m) out.push(`${m[1]} ${m[2]}`);
  }
  return out.sort();
}

describe.skipIf(!hasAwsCli)('S3 through the aws CLI', () => {
  const bucket = bucketName('cli');
  const small = 'hello from the aws CLI\n';
  const big = payload(20 * MiB, 11);

  beforeAll(async () => {
    const mb = ok(await aws(['s3', 'mb', `s3://${bucket}`]));
    expect(mb.stdout.trim()).toBe(`make_bucket: ${bucket}`);
  });

  it('cp up and down: a small file, and a 20 MiB file in multipart with checksums; ls lists the bucket; a missing key is 404', async () => {
    const smallFile = writeFile(work, 'small.txt', small);
    const bigFile = writeFile(work, 'big.bin', big);
    const [upSmall, upBig, ls] = await Promise.all([
      aws(['s3', 'cp', smallFile, `s3://${bucket}/dir/small.txt`, '--content-type', 'text/plain', '--no-progress']),
      aws(['s3', 'cp', bigFile, `s3://${bucket}/big/big.bin`, '--no-progress']),
      aws(['s3', 'ls']),
    ]);
    expect(transfers(ok(upSmall))).toEqual([`upload s3://${bucket}/dir/small.txt`]);
    expect(transfers(ok(upBig))).toEqual([`upload s3://${bucket}/big/big.bin`]);
    expect(ok(ls).stdout).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ${bucket}$`, 'm'));

    const got = await nimbus.s3().send(new GetObjectCommand({ Bucket: bucket, Key: 'dir/small.txt' }));
    expect({ type: got.ContentType, body: await bodyText(got.Body) }).toEqual({ type: 'text/plain', body: small });
    const head = await nimbus.s3().send(new HeadObjectCommand({ Bucket: bucket, Key: 'big/big.bin', ChecksumMode: 'ENABLED' }));
    // 8 MiB parts: 8 + 8 + 4; the CLI asks for a CRC32 of each part (botocore's default).
    expect({ size: head.ContentLength, etag: /-3"$/.test(head.ETag ?? ''), crc: head.ChecksumCRC32 ?? head.ChecksumCRC64NVME }).toEqual({
      size: big.length,
      etag: true,
      crc: expect.stringMatching(/^[A-Za-z0-9+/=]+(-3)?$/),
    });

    const smallDown = join(work, 'small-down.txt');
    const bigDown = join(work, 'big-down.bin');
    const [downSmall, downBig, missing] = await Promise.all([
      aws(['s3', 'cp', `s3://${bucket}/dir/small.txt`, smallDown, '--no-progress']),
      aws(['s3', 'cp', `s3://${bucket}/big/big.bin`, bigDown, '--no-progress']),
      aws(['s3', 'cp', `s3://${bucket}/dir/missing.txt`, join(work, 'never'), '--no-progress']),
    ]);
    ok(downSmall);
    ok(downBig);
    expect(readFileSync(smallDown, 'utf8')).toBe(small);
    expect(md5Hex(readFileSync(bigDown))).toBe(md5Hex(big));
    expect(missing.status).not.toBe(0);
    // `aws s3 cp` rewrites the HeadObject 404's message itself ("Key … does not exist").
    expect(missing.stderr).toContain('An error occurred (404) when calling the HeadObject operation');
  });

  it('sync up, a second sync transfers nothing; sync down, a second sync transfers nothing', async () => {
    const src = join(work, 'tree');
    mkdirSync(join(src, 'nested', 'deeper'), { recursive: true });
    const files: Record<string, string> = { 'a.txt': 'a', 'b with space.txt': 'b', 'nested/c.json': '{"c":1}', 'nested/deeper/d+e.txt': 'd', 'ünï.txt': 'u' };
    for (const [name, body] of Object.entries(files)) writeFile(src, name, body);
    // Old mtimes: a second sync must find the remote copies newer than the files.
    for (const name of Object.keys(files)) utimesSync(join(src, name), new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    const remote = Object.keys(files).map((n) => `s3://${bucket}/sync/${n}`);

    const first = ok(await aws(['s3', 'sync', src, `s3://${bucket}/sync`, '--no-progress']));
    expect(transfers(first)).toEqual(remote.map((r) => `upload ${r}`).sort());
    const dst = join(work, 'tree-down');
    const [again, down] = await Promise.all([aws(['s3', 'sync', src, `s3://${bucket}/sync`, '--no-progress']), aws(['s3', 'sync', `s3://${bucket}/sync`, dst, '--no-progress'])]);
    expect(transfers(ok(again))).toEqual([]);
    expect(transfers(ok(down))).toEqual(remote.map((r) => `download ${r}`).sort());
    for (const [name, body] of Object.entries(files)) expect(readFileSync(join(dst, name), 'utf8')).toBe(body);
    const downAgain = ok(await aws(['s3', 'sync', `s3://${bucket}/sync`, dst, '--no-progress']));
    expect(transfers(downAgain)).toEqual([]);
    expect(allPaths(dst)).toEqual(['a.txt', 'b with space.txt', 'nested', 'nested/c.json', 'nested/deeper', 'nested/deeper/d+e.txt', 'ünï.txt']);
  });

  it('ls (prefixes, --recursive), presign + curl, s3api put-object/head-object/get-object-tagging/list-objects-v2', async () => {
    const metaFile = writeFile(work, 'meta.txt', 'with metadata');
    const put = ok(await aws(['s3api', 'put-object', '--bucket', bucket, '--key', 'api/meta.txt', '--body', metaFile, '--metadata', 'colour=blue,size=xl', '--content-type', 'text/plain', '--tagging', 'team=core&env=test']));
    const etag = `"${md5Hex(Buffer.from('with metadata'))}"`;
    expect(put.json).toMatchObject({ ETag: etag });

    const [top, nested, all, presign, head, tags, listed, missing] = await Promise.all([
      aws(['s3', 'ls', `s3://${bucket}/`]),
      aws(['s3', 'ls', `s3://${bucket}/sync/`]),
      aws(['s3', 'ls', `s3://${bucket}`, '--recursive']),
      aws(['s3', 'presign', `s3://${bucket}/dir/small.txt`, '--expires-in', '300'], { AWS_CONFIG_FILE: sigV4Config() }),
      aws(['s3api', 'head-object', '--bucket', bucket, '--key', 'api/meta.txt']),
      aws(['s3api', 'get-object-tagging', '--bucket', bucket, '--key', 'api/meta.txt']),
      aws(['s3api', 'list-objects-v2', '--bucket', bucket, '--delimiter', '/', '--prefix', 'sync/', '--no-paginate']),
      aws(['s3api', 'head-object', '--bucket', bucket, '--key', 'api/none']),
    ]);
    expect(ok(top).stdout.split('\n').filter((l) => l.includes('PRE')).map((l) => l.trim())).toEqual(['PRE api/', 'PRE big/', 'PRE dir/', 'PRE sync/']);
    expect(ok(nested).stdout).toMatch(/^\s+PRE nested\/$/m);
    expect(nested.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+1 a\.txt$/m);
    expect(
      ok(all)
        .stdout.trim()
        .split('\n')
        .map((l) => l.replace(/^\S+ \S+\s+\d+ /, '')),
    ).toEqual(['api/meta.txt', 'big/big.bin', 'dir/small.txt', 'sync/a.txt', 'sync/b with space.txt', 'sync/nested/c.json', 'sync/nested/deeper/d+e.txt', 'sync/ünï.txt']);

    const url = ok(presign).stdout.trim();
    expect(url).toContain('X-Amz-Signature=');
    expect(await curl(url)).toEqual({ status: 200, body: small });

    expect(ok(head).json).toMatchObject({ ContentLength: 13, ContentType: 'text/plain', Metadata: { colour: 'blue', size: 'xl' }, ETag: etag });
    expect((ok(tags).json as { TagSet: { Key: string; Value: string }[] }).TagSet.sort((a, b) => a.Key.localeCompare(b.Key))).toEqual([
      { Key: 'env', Value: 'test' },
      { Key: 'team', Value: 'core' },
    ]);
    const page = ok(listed).json as { Contents: { Key: string }[]; CommonPrefixes: { Prefix: string }[]; KeyCount: number; IsTruncated: boolean };
    expect({ keys: page.Contents.map((c) => c.Key), prefixes: page.CommonPrefixes.map((p) => p.Prefix), count: page.KeyCount, truncated: page.IsTruncated }).toEqual({
      keys: ['sync/a.txt', 'sync/b with space.txt', 'sync/ünï.txt'],
      prefixes: ['sync/nested/'],
      count: 4,
      truncated: false,
    });
    expect(missing.stderr).toContain('An error occurred (404) when calling the HeadObject operation: Not Found');
  });

  it('rm --recursive removes a prefix; rb refuses a non-empty bucket; rb --force empties and removes it', async () => {
    const rm = ok(await aws(['s3', 'rm', `s3://${bucket}/sync/`, '--recursive']));
    expect(transfers(rm)).toHaveLength(5);
    const [left, notEmpty] = await Promise.all([nimbus.s3().send(new ListObjectsV2Command({ Bucket: bucket })), aws(['s3', 'rb', `s3://${bucket}`])]);
    expect(left.Contents!.map((c) => c.Key)).toEqual(['api/meta.txt', 'big/big.bin', 'dir/small.txt']);
    expect(notEmpty.status).not.toBe(0);
    expect(notEmpty.stderr).toContain('An error occurred (BucketNotEmpty) when calling the DeleteBucket operation: The bucket you tried to delete is not empty');
    const rb = ok(await aws(['s3', 'rb', `s3://${bucket}`, '--force']));
    expect(rb.stdout).toContain(`remove_bucket: ${bucket}`);
    await expectS3Error(nimbus.s3().send(new HeadBucketCommand({ Bucket: bucket })), 'NotFound', 404);
  });
});
