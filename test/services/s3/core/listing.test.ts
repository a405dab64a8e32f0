import { CreateBucketCommand, ListObjectsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { raw, sigV4Header } from '../../../helpers/http.js';
import { bucketName, expectS3Error, s3Client } from './helpers.js';

const nimbus = useNimbus();
const bucket = bucketName('listing');

function utf8Compare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Keys chosen to exercise grouping and UTF-8 order (U+FF5E sorts before U+1F600 in UTF-16, after it in UTF-8). */
function makeKeys(): string[] {
  const keys = new Set<string>();
  const parts = ['a', 'b', 'photos', 'photos2', 'x y', 'a+b', '日本', '～', '😀', 'Z', '0', '-'];
  let seed = 7;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  for (const p of parts) keys.add(p);
  while (keys.size < 260) {
    const depth = 1 + rand(4);
    const segs: string[] = [];
    for (let i = 0; i < depth; i++) segs.push(parts[rand(parts.length)]! + (rand(3) === 0 ? String(rand(5)) : ''));
    keys.add(segs.join(rand(5) === 0 ? '|' : '/') + (rand(8) === 0 ? '/' : ''));
  }
  return [...keys];
}

const KEYS = makeKeys();

interface Listing {
  keys: string[];
  prefixes: string[];
}

/** What S3 must answer, computed the slow way. */
function model(prefix: string, delimiter: string | undefined, after?: string): Listing {
  const out: Listing = { keys: [], prefixes: [] };
  const seen = new Set<string>();
  for (const k of [...KEYS].sort(utf8Compare)) {
    if (!k.startsWith(prefix)) continue;
    if (after !== undefined && utf8Compare(k, after) <= 0) continue;
    const i = delimiter ? k.indexOf(delimiter, prefix.length) : -1;
    if (i === -1) {
      out.keys.push(k);
      continue;
    }
    const cp = k.slice(0, i + delimiter!.length);
    if (seen.has(cp)) continue;
    seen.add(cp);
    if (after === undefined || utf8Compare(cp, after) > 0) out.prefixes.push(cp);
  }
  return out;
}

describe('S3 listing (against a brute-force model)', () => {
  beforeAll(async () => {
    const s3 = s3Client(nimbus);
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    for (let i = 0; i < KEYS.length; i += 20) {
      await Promise.all(KEYS.slice(i, i + 20).map((Key) => s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Key }))));
    }
  }, 120_000);

  async function listV2(prefix: string, delimiter: string | undefined, maxKeys: number, startAfter?: string): Promise<Listing & { pages: number }> {
    const s3 = s3Client(nimbus);
    const out = { keys: [] as string[], prefixes: [] as string[], pages: 0 };
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, Delimiter: delimiter, MaxKeys: maxKeys, ContinuationToken: token, StartAfter: startAfter }));
      const keys = (page.Contents ?? []).map((c) => c.Key!);
      const prefixes = (page.CommonPrefixes ?? []).map((c) => c.Prefix!);
      expect(page.KeyCount).toBe(keys.length + prefixes.length);
      expect(page.KeyCount).toBeLessThanOrEqual(maxKeys);
      if (page.IsTruncated) expect(page.KeyCount).toBe(maxKeys);
      out.keys.push(...keys);
      out.prefixes.push(...prefixes);
      out.pages++;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
      if (page.IsTruncated) expect(token).toBeTruthy();
    } while (token);
    return out;
  }

  const CASES: [string, string | undefined][] = [
    ['', undefined],
    ['', '/'],
    ['photos/', '/'],
    ['a', '/'],
    ['a/', undefined],
    ['日本', '/'],
    ['', '|'],
    ['', 'o'],
    ['photos', 'photos'],
    ['nothing-here', '/'],
  ];

  it.each(CASES)('ListObjectsV2 prefix %j delimiter %j pages to the model', async (prefix, delimiter) => {
    const want = model(prefix, delimiter);
    for (const maxKeys of [1000, 7, 1]) {
      if (maxKeys === 1 && want.keys.length + want.prefixes.length > 60) continue;
      const got = await listV2(prefix, delimiter, maxKeys);
      expect({ keys: got.keys, prefixes: got.prefixes }).toEqual(want);
    }
  });

  it('StartAfter starts after a key, and skips the common prefix it falls in', async () => {
    const sorted = [...KEYS].sort(utf8Compare);
    const after = sorted[40]!;
    const got = await listV2('', undefined, 1000, after);
    expect(got.keys).toEqual(model('', undefined, after).keys);
    const grouped = await listV2('', '/', 5, 'photos/');
    expect({ keys: grouped.keys, prefixes: grouped.prefixes }).toEqual(model('', '/', 'photos/'));
    expect(grouped.prefixes).not.toContain('photos/');
  });

  it('ListObjects (v1) pages with NextMarker when a delimiter is given, else from the last key', async () => {
    const s3 = s3Client(nimbus);
    for (const delimiter of ['/', undefined]) {
      const want = model('', delimiter);
      const keys: string[] = [];
      const prefixes: string[] = [];
      let marker: string | undefined;
      for (;;) {
        const page = await s3.send(new ListObjectsCommand({ Bucket: bucket, Delimiter: delimiter, MaxKeys: 9, Marker: marker }));
        const pageKeys = (page.Contents ?? []).map((c) => c.Key!);
        keys.push(...pageKeys);
        prefixes.push(...(page.CommonPrefixes ?? []).map((c) => c.Prefix!));
        for (const c of page.Contents ?? []) expect(c.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
        if (!page.IsTruncated) break;
        if (delimiter) {
          expect(page.NextMarker).toBeTruthy();
          marker = page.NextMarker;
        } else {
          expect(page.NextMarker).toBeUndefined();
          marker = pageKeys[pageKeys.length - 1];
        }
      }
      expect({ keys, prefixes }).toEqual(want);
    }
  });

  it('answers list entries with size, ETag, storage class; Owner only with FetchOwner', async () => {
    const s3 = s3Client(nimbus);
    const plain = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'photos2', MaxKeys: 1 }));
    const first = plain.Contents![0]!;
    expect(first).toMatchObject({ Key: first.Key, Size: Buffer.byteLength(first.Key!), StorageClass: 'STANDARD' });
    expect(first.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.Owner).toBeUndefined();
    expect(plain.Name).toBe(bucket);
    expect(plain.MaxKeys).toBe(1);
    const owned = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'photos2', MaxKeys: 1, FetchOwner: true }));
    expect(owned.Contents![0]!.Owner!.ID).toMatch(/^[0-9a-f]{64}$/);
  });

  it('EncodingType=url encodes keys, prefixes, delimiter and StartAfter on the wire', async () => {
    const r = await raw(nimbus.current.endpoint, {
      path: `/${bucket}?list-type=2&encoding-type=url&prefix=x%20y&delimiter=%2F&start-after=x%20y%2B`,
      headers: { authorization: sigV4Header('s3') },
    });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<EncodingType>url</EncodingType>');
    expect(r.body).toContain('<Prefix>x%20y</Prefix>');
    expect(r.body).toContain('<StartAfter>x%20y%2B</StartAfter>');
    const plusKey = await raw(nimbus.current.endpoint, { path: `/${bucket}?list-type=2&encoding-type=url&prefix=a%2Bb`, headers: { authorization: sigV4Header('s3') } });
    expect(plusKey.body).toContain('<Key>a%2Bb</Key>');
    const unicode = await raw(nimbus.current.endpoint, { path: `/${bucket}?list-type=2&encoding-type=url&prefix=%E6%97%A5%E6%9C%AC&delimiter=%2F`, headers: { authorization: sigV4Header('s3') } });
    expect(unicode.body).toContain('<Key>%E6%97%A5%E6%9C%AC</Key>');
  });

  it('refuses a bad continuation token, negative MaxKeys and unknown encoding types', async () => {
    const s3 = s3Client(nimbus);
    await expectS3Error(s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: 'bogus' })), 'InvalidArgument', 400, 'The continuation token provided is incorrect');
    await expectS3Error(s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: -1 })), 'InvalidArgument', 400);
    await expectS3Error(s3.send(new ListObjectsV2Command({ Bucket: bucket, EncodingType: 'base64' as never })), 'InvalidArgument', 400);
    await expectS3Error(s3.send(new ListObjectsV2Command({ Bucket: bucketName() })), 'NoSuchBucket', 404);
  });

  it('MaxKeys above 1000 is capped; MaxKeys 0 answers nothing', async () => {
    const s3 = s3Client(nimbus);
    const big = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 5000 }));
    expect(big.KeyCount).toBe(KEYS.length);
    const none = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 0 }));
    expect(none.KeyCount).toBe(0);
    expect(none.Contents).toBeUndefined();
  });
});
