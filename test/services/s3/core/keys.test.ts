import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Agent } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { raw, sigV4Header } from '../../../helpers/http.js';
import { bodyText, bucketName, s3Client } from './helpers.js';

const nimbus = useNimbus();
const bucket = bucketName('keys');

/** Keys S3 stores exactly as given. */
const ODD_KEYS = [
  'with space',
  'a+b',
  'percent%20literal',
  '100%',
  'unicode/日本語/ファイル.txt',
  'emoji-🎉',
  'café/naïve',
  'question?mark',
  'hash#tag',
  'semi;colon,comma',
  "quotes'\"",
  'amp&equals=',
  'tilde~star*',
  'trailing space ',
  'x'.repeat(1000) + '日本',
];

/** Keys a client must send without path normalization (raw requests). */
const PATH_KEYS = ['../escape', 'a/../b', './dot', '/leading', '//double//slashes', '..', 'back\\slash'];

/** Path-style URL path for a key: each byte escaped except unreserved characters and '/'. */
function keyPath(key: string): string {
  return `/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

describe('S3 object keys are stored and returned exactly', () => {
  beforeAll(async () => {
    await s3Client(nimbus).send(new CreateBucketCommand({ Bucket: bucket }));
  });

  it('round-trips odd keys through the SDK, and lists them exactly', async () => {
    const s3 = s3Client(nimbus);
    for (const key of ODD_KEYS) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `body of ${key}` }));
    for (const key of ODD_KEYS) {
      const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      expect(await bodyText(out.Body)).toBe(`body of ${key}`);
    }
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    const keys = listed.Contents!.map((c) => c.Key!);
    for (const key of ODD_KEYS) expect(keys).toContain(key);
  });

  // The rest-xml router treats a trailing '/' as optional and drops it from a greedy {Key+}
  // label, so `dir/` is stored as `dir` (a protocol fix outside this folder: see the S3 README).
  it('keeps a trailing slash in a key (folder markers)', async () => {
    const s3 = s3Client(nimbus);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'folder/', Body: '' }));
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'folder' }));
    expect(listed.Contents!.map((c) => c.Key)).toEqual(['folder/']);
  });

  it('round-trips dot segments, leading and doubled slashes through raw signed requests', async () => {
    const headers = { authorization: sigV4Header('s3') };
    for (const key of PATH_KEYS) {
      const put = await raw(nimbus.current.endpoint, { method: 'PUT', path: keyPath(key), headers: { ...headers, 'content-length': Buffer.byteLength(key) }, body: key });
      expect(put.status).toBe(200);
    }
    for (const key of PATH_KEYS) {
      const got = await raw(nimbus.current.endpoint, { path: keyPath(key), headers });
      expect({ key, status: got.status, body: got.body }).toEqual({ key, status: 200, body: key });
    }
    const listed = await s3Client(nimbus).send(new ListObjectsV2Command({ Bucket: bucket }));
    const keys = listed.Contents!.map((c) => c.Key!);
    for (const key of PATH_KEYS) expect(keys).toContain(key);
  });

  it('answers virtual-hosted-style requests (bucket.s3.localhost)', async () => {
    const port = new URL(nimbus.current.endpoint).port;
    // *.s3.localhost may not resolve here: connect to the loopback, keep the Host header.
    const lookup = (_host: string, opts: { all?: boolean }, cb: (e: null, a: unknown, f?: number) => void) =>
      opts.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4);
    const agent = new Agent({ lookup } as ConstructorParameters<typeof Agent>[0]);
    const s3 = new S3Client({ ...nimbus.clientConfig(), endpoint: `http://s3.localhost:${port}`, forcePathStyle: false, requestHandler: { httpAgent: agent } });
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'vhost/a b+c', Body: 'virtual' }));
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'vhost/a b+c' }));
    expect(await bodyText(out.Body)).toBe('virtual');
    const viaPath = await s3Client(nimbus).send(new GetObjectCommand({ Bucket: bucket, Key: 'vhost/a b+c' }));
    expect(await bodyText(viaPath.Body)).toBe('virtual');
    agent.destroy();
  });
});
