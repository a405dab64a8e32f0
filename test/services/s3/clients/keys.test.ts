/**
 * Awkward object keys through three real clients — the SDK for JavaScript, the `aws` CLI
 * (`aws s3api put-object --key`) and boto3 — each into its own bucket: every key comes back
 * byte for byte (GetObject, and listings, which boto3 and the CLI ask for with
 * `EncodingType=url` and decode), listings are in UTF-8 binary order, and nothing named after a
 * key appears on the filesystem.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html
 */
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { awsCli, boto3, hasAwsCli, hasBoto3 } from '../../../helpers/nimbus.js';
import { bodyText } from '../core/helpers.js';
import { allPaths, bucketName, compareUtf8, scratchDir, useDurableNimbus, writeFile } from './helpers.js';

const nimbus = useDurableNimbus();
const work = scratchDir('s3-keys');

/** Keys S3 stores exactly as given (all ≤ 1024 bytes of UTF-8). */
const KEYS: readonly string[] = [
  'plain.txt',
  'with space',
  'trailing space ',
  'a+b',
  'percent%',
  '100%25',
  'slash%2Fencoded',
  'unicode/日本語/ファイル.txt',
  'emoji-🎉',
  'café-nfc',
  'cafe\u0301-nfd',
  '..',
  '.',
  '../../etc/passwd',
  'a/../b',
  './dot',
  '/leading',
  '//double',
  'a//b',
  'back\\slash',
  "quotes'\"",
  '<angle>&amp;',
  'hash#tag',
  'question?mark=1&x',
  'tilde~star*(paren)[bracket]{brace}^caret`tick|pipe',
  'semi;colon,comma:colon@at$dollar!bang',
  'tab\there',
  'folder/',
  'k'.repeat(1024),
  'é'.repeat(512),
];

/**
 * The keys the `aws` CLI writes: those where how a client escapes a path matters. (Each `aws`
 * process takes seconds to start here; the CLI shares botocore's escaping with boto3, which
 * writes the whole table.)
 */
const CLI_KEYS: readonly string[] = [
  'with space',
  'a+b',
  '100%25',
  'slash%2Fencoded',
  'unicode/日本語/ファイル.txt',
  'cafe\u0301-nfd',
  '..',
  '../../etc/passwd',
  '/leading',
  '//double',
  'folder/',
  'k'.repeat(1024),
];

/** Keys with characters XML 1.0 cannot carry literally (S3 escapes or url-encodes them). */
const CONTROL_KEYS: readonly string[] = ['ctrl-\u0001-soh', 'cr\rreturn', 'newline\nkey', 'del\u007f'];

const utf8Order = (keys: readonly string[]) => [...keys].sort(compareUtf8);
const bodyOf = (key: string) => `body of ${Buffer.from(key).toString('base64')}`;

/** What may exist under a data dir: the database and blobs named by random ids, nothing a client chose. */
const ALLOWED_PATH = /^(nimbus\.db(-wal|-shm|-journal)?|blobs|blobs\/tmp|blobs\/[0-9a-f]{2}|blobs\/(tmp|[0-9a-f]{2})\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

async function listAll(bucket: string, encodingType?: 'url'): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await nimbus.s3().send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token, MaxKeys: 7, EncodingType: encodingType }));
    // S3 url-encodes with '+' for space only in form encoding; decode '%XX' and treat '+' as space, as botocore does.
    for (const c of page.Contents ?? []) keys.push(encodingType ? decodeURIComponent(c.Key!.replace(/\+/g, ' ')) : c.Key!);
    token = page.NextContinuationToken;
  } while (token);
  return keys;
}

/** GetObject of every key through the SDK: the body each was written with. */
async function expectBodies(bucket: string, keys: readonly string[], body: (key: string) => string): Promise<void> {
  const s3 = nimbus.s3();
  for (const key of keys) {
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key })).then(
      async (o) => bodyText(o.Body),
      (e: Error) => `${e.name}: ${e.message}`,
    );
    expect({ key, got }).toEqual({ key, got: body(key) });
  }
}

/** Runs `tasks` with at most `limit` at a time (each `aws` process costs seconds to start). */
async function pooled<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

describe('awkward keys round-trip exactly through every client', () => {
  const sdkBucket = bucketName('keys-sdk');
  const cliBucket = bucketName('keys-cli');
  const botoBucket = bucketName('keys-boto');

  beforeAll(async () => {
    for (const b of [sdkBucket, cliBucket, botoBucket]) await nimbus.s3().send(new CreateBucketCommand({ Bucket: b }));
    expect(Buffer.byteLength(KEYS.at(-1)!)).toBe(1024);
  });

  it('the SDK for JavaScript: put, get, and list in UTF-8 order (plain and EncodingType=url)', async () => {
    const s3 = nimbus.s3();
    for (const key of KEYS) await s3.send(new PutObjectCommand({ Bucket: sdkBucket, Key: key, Body: bodyOf(key) }));
    await expectBodies(sdkBucket, KEYS, bodyOf);
    expect(await listAll(sdkBucket)).toEqual(utf8Order(KEYS));
    expect(await listAll(sdkBucket, 'url')).toEqual(utf8Order(KEYS));
  });

  it.skipIf(!hasAwsCli)('the aws CLI: s3api put-object --key, then list-objects-v2 returns the same keys in order', async () => {
    const files = new Map(CLI_KEYS.map((key, i) => [key, writeFile(work, `cli-${i}`, bodyOf(key))]));
    const puts = await pooled(
      CLI_KEYS.map((key) => () => awsCli(nimbus.current, ['s3api', 'put-object', '--bucket', cliBucket, '--key', key, '--body', files.get(key)!])),
      CLI_KEYS.length,
    );
    expect(CLI_KEYS.every((k) => KEYS.includes(k))).toBe(true);
    puts.forEach((r, i) => expect({ key: CLI_KEYS[i], status: r.status, stderr: r.stderr }).toEqual({ key: CLI_KEYS[i], status: 0, stderr: '' }));
    const listed = await awsCli(nimbus.current, ['s3api', 'list-objects-v2', '--bucket', cliBucket]);
    expect(listed.status, listed.stderr).toBe(0);
    expect((listed.json as { Contents: { Key: string }[] }).Contents.map((c) => c.Key)).toEqual(utf8Order(CLI_KEYS));
    await expectBodies(cliBucket, CLI_KEYS, bodyOf);
  }, 90_000);

  it.skipIf(!hasBoto3)('boto3: put_object, get_object, a paginator and the resource API give the same keys in order', { timeout: 60_000 }, async () => {
    const r = await boto3(
      nimbus.current,
      `
import base64
keys = json.loads(base64.b64decode(${JSON.stringify(Buffer.from(JSON.stringify(KEYS)).toString('base64'))}).decode('utf-8'))
s3 = client('s3')
b = ${JSON.stringify(botoBucket)}
body = lambda k: 'body of ' + base64.b64encode(k.encode('utf-8')).decode()
for k in keys:
    s3.put_object(Bucket=b, Key=k, Body=body(k).encode())
wrong = [k for k in keys if s3.get_object(Bucket=b, Key=k)['Body'].read().decode() != body(k)]
pages = s3.get_paginator('list_objects_v2').paginate(Bucket=b, PaginationConfig={'PageSize': 7})
listed = [o['Key'] for p in pages for o in p.get('Contents', [])]
r = session.resource('s3', endpoint_url=${JSON.stringify(nimbus.current.endpoint)})
resource = [o.key for o in r.Bucket(b).objects.all()]
out({'wrong': wrong, 'listed': listed, 'resource': resource})
`,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toEqual({ wrong: [], listed: utf8Order(KEYS), resource: utf8Order(KEYS) });
    await expectBodies(botoBucket, KEYS, bodyOf);
  });

  it('keys with control characters: stored exactly, listed exactly (plain XML and EncodingType=url)', async () => {
    const bucket = bucketName('keys-ctrl');
    const s3 = nimbus.s3();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    for (const key of CONTROL_KEYS) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bodyOf(key) }));
    await expectBodies(bucket, CONTROL_KEYS, bodyOf);
    expect(await listAll(bucket, 'url')).toEqual(utf8Order(CONTROL_KEYS));
    expect(await listAll(bucket)).toEqual(utf8Order(CONTROL_KEYS));
  });

  it('nothing named after a key reaches the filesystem', async () => {
    const paths = allPaths(nimbus.dataDir);
    expect(paths.filter((p) => !ALLOWED_PATH.test(p))).toEqual([]);
    // '../../etc/passwd' resolved against the blob folders lands inside the data dir (covered
    // above); resolved against the data dir itself, one level above it.
    expect(existsSync(join(nimbus.dataDir, '..', 'etc', 'passwd'))).toBe(false);
  });
});
