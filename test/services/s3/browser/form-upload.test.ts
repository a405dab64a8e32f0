/**
 * HTML form uploads (POST Object) end to end, posted with fetch's FormData as a browser posts
 * them: the answers (204/200/201/303), what the fields store, POST policies and S3's errors.
 * Signers and permissions are in form-auth.test.ts.
 */
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { GetObjectCommand, GetObjectTaggingCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { raw } from '../../../helpers/http.js';
import { useNimbus } from '../../../helpers/nimbus.js';
import { createBucket, postForm, s3Client, s3ErrorOf, signedPostFields, type SignedPostOptions } from './helpers.js';

/** Nimbus's clock, movable (policy expiration). */
const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
const nimbus = useNimbus({ clock });
const ROOT = { accessKeyId: 'test', secretAccessKey: 'test' };
const etagOf = (content: string): string => `"${createHash('md5').update(content).digest('hex')}"`;

function signed(bucket: string, o: Partial<SignedPostOptions> = {}): [string, string][] {
  return signedPostFields({ bucket, ...ROOT, conditions: [['starts-with', '$key', '']], fields: { key: 'uploads/${filename}' }, ...o });
}

describe('answers', () => {
  it('answers 204 by default with ETag and Location, and stores the file', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const r = await postForm(`${nimbus.current.endpoint}/${bucket}`, signed(bucket), { content: 'hello form', filename: 'hello.txt' });
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect(r.headers.get('etag')).toBe(etagOf('hello form'));
    expect(r.headers.get('location')).toBe(`${nimbus.current.endpoint}/${bucket}/uploads%2Fhello.txt`);
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'uploads/hello.txt' }));
    expect(await got.Body!.transformToString()).toBe('hello form');
    expect(got.ETag).toBe(etagOf('hello form'));
    // Without a Content-Type field the object gets S3's default, not the part's type.
    expect(got.ContentType).toBe('binary/octet-stream');
  });

  it('answers 200 with an empty body, and 201 with a PostResponse document', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const base = `${nimbus.current.endpoint}/${bucket}`;
    const ok = await postForm(base, signed(bucket, { conditions: [['starts-with', '$key', ''], { success_action_status: '200' }], fields: { key: 'a', success_action_status: '200' } }), { content: 'a' });
    expect([ok.status, ok.text]).toEqual([200, '']);
    const created = await postForm(base, signed(bucket, { conditions: [['starts-with', '$key', ''], { success_action_status: '201' }], fields: { key: 'dir/é b', success_action_status: '201' } }), { content: 'b' });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toBe('application/xml');
    const location = `${base}/dir%2F%C3%A9%20b`;
    expect(created.text).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse><Location>${location}</Location><Bucket>${bucket}</Bucket><Key>dir/é b</Key><ETag>${etagOf('b')}</ETag></PostResponse>`,
    );
    expect(created.headers.get('location')).toBe(location);
  });

  it('takes an invalid success_action_status as the default 204', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const r = await postForm(`${nimbus.current.endpoint}/${bucket}`, signed(bucket, { conditions: [['starts-with', '$key', ''], ['starts-with', '$success_action_status', '']], fields: { key: 'k', success_action_status: '302' } }), { content: 'x' });
    expect(r.status).toBe(204);
  });

  it('redirects 303 to success_action_redirect with bucket, key and etag added to its query', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const redirect = 'http://app.example/done?from=form#top';
    const fields = signed(bucket, { conditions: [['starts-with', '$key', ''], { success_action_redirect: redirect }], fields: { key: 'photos/${filename}', success_action_redirect: redirect } });
    const r = await postForm(`${nimbus.current.endpoint}/${bucket}`, fields, { content: 'jpeg bytes', filename: 'my cat.jpg' });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe(`http://app.example/done?from=form&bucket=${bucket}&key=photos%2Fmy+cat.jpg&etag=${encodeURIComponent(etagOf('jpeg bytes'))}#top`);
  });

  it('ignores a redirect it cannot interpret (a relative URL) and answers the status', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const fields = signed(bucket, { conditions: [['starts-with', '$key', ''], ['starts-with', '$redirect', '']], fields: { key: 'k', redirect: '/relative/page' } });
    const r = await postForm(`${nimbus.current.endpoint}/${bucket}`, fields, { content: 'x' });
    expect(r.status).toBe(204);
  });
});

describe('what the fields store', () => {
  it('stores content headers, metadata (names lower-cased) and tags, and expands ${filename} without the path', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const tagging = '<Tagging><TagSet><Tag><Key>team</Key><Value>web</Value></Tag></TagSet></Tagging>';
    const fields = signed(bucket, {
      conditions: [['starts-with', '$key', 'u/'], ['starts-with', '$Content-Type', 'image/'], { 'x-amz-meta-Origin': 'form' }, ['eq', '$Cache-Control', 'max-age=60'], ['starts-with', '$tagging', '']],
      fields: { key: 'u/${filename}', 'Content-Type': 'image/png', 'x-amz-meta-Origin': 'form', 'Cache-Control': 'max-age=60', tagging },
    });
    const r = await postForm(`${nimbus.current.endpoint}/${bucket}`, fields, { content: 'png', filename: 'C:\\Users\\me\\cat.png', type: 'text/plain' });
    expect(r.status).toBe(204);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'u/cat.png' }));
    expect([head.ContentType, head.CacheControl, head.Metadata]).toEqual(['image/png', 'max-age=60', { origin: 'form' }]);
    expect(head.TagCount).toBe(1);
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'u/cat.png' }));
    expect(tags.TagSet).toEqual([{ Key: 'team', Value: 'web' }]);
  });

  it('takes a textarea (a part without a filename) as the file, leaving ${filename} as written', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const fields = signed(bucket, { fields: { key: 'notes/${filename}' } });
    const r = await postForm(`${nimbus.current.endpoint}/${bucket}`, fields, undefined, [['file', 'typed text']]);
    expect(r.status).toBe(204);
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'notes/${filename}' }));
    expect(await got.Body!.transformToString()).toBe('typed text');
  });

  it('ignores fields after the file', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    // `submit` after the file would be an uncovered field if it counted.
    const r = await postForm(`${nimbus.current.endpoint}/${bucket}`, signed(bucket), { content: 'x', filename: 'f.txt' }, [['submit', 'Upload'], ['x-amz-meta-late', 'yes']]);
    expect(r.status).toBe(204);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'uploads/f.txt' }));
    expect(head.Metadata).toEqual({});
  });

  it('streams a large file into the store', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const big = Buffer.alloc(12 * 1024 * 1024, 7);
    const r = await postForm(`${nimbus.current.endpoint}/${bucket}`, signed(bucket), { content: big, filename: 'big.bin' });
    expect(r.status).toBe(204);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'uploads/big.bin' }));
    expect(head.ContentLength).toBe(big.length);
  });
});

describe('POST policies', () => {
  it('refuses an expired policy (Nimbus clock moved past it)', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const fields = signed(bucket, { expiration: new Date(Date.now() + 60_000) });
    clock.offsetMs = 120_000;
    try {
      const r = await postForm(`${nimbus.current.endpoint}/${bucket}`, fields, { content: 'x' });
      expect(r.status).toBe(403);
      expect(s3ErrorOf(r.text)).toMatchObject({ Code: 'AccessDenied', Message: 'Invalid according to Policy: Policy expired.' });
    } finally {
      clock.offsetMs = 0;
    }
  });

  it('refuses a failed condition and a field no condition covers', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const url = `${nimbus.current.endpoint}/${bucket}`;
    const failed = await postForm(url, signed(bucket, { conditions: [['starts-with', '$key', 'user/eric/']], fields: { key: 'user/bob/x' } }), { content: 'x' });
    expect(failed.status).toBe(403);
    expect(s3ErrorOf(failed.text)).toMatchObject({ Code: 'AccessDenied', Message: 'Invalid according to Policy: Policy Condition failed: ["starts-with", "$key", "user/eric/"]' });
    const extra = await postForm(url, signed(bucket, { fields: { key: 'k', 'x-amz-meta-extra': 'v' } }), { content: 'x' });
    expect(extra.status).toBe(403);
    expect(s3ErrorOf(extra.text)).toMatchObject({ Code: 'AccessDenied', Message: 'Invalid according to Policy: Extra input fields: x-amz-meta-extra' });
    const bucketCondition = await postForm(url, signedPostFields({ bucket: 'another-bucket', ...ROOT, conditions: [['starts-with', '$key', '']], fields: { key: 'k' } }), { content: 'x' });
    expect(s3ErrorOf(bucketCondition.text).Message).toBe('Invalid according to Policy: Policy Condition failed: ["eq", "$bucket", "another-bucket"]');
    await expect(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'user/bob/x' }))).rejects.toMatchObject({ name: 'NotFound' });
  });

  it('enforces content-length-range while streaming (inclusive bounds), keeping nothing outside it', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const url = `${nimbus.current.endpoint}/${bucket}`;
    const fields = (key: string) => signed(bucket, { conditions: [['starts-with', '$key', ''], ['content-length-range', 5, 10]], fields: { key } });
    const large = await postForm(url, fields('large'), { content: 'x'.repeat(12) });
    expect(large.status).toBe(400);
    expect(s3ErrorOf(large.text)).toMatchObject({ Code: 'EntityTooLarge', Message: 'Your proposed upload exceeds the maximum allowed size', ProposedSize: '12', MaxSizeAllowed: '10' });
    const small = await postForm(url, fields('small'), { content: 'x' });
    expect(s3ErrorOf(small.text)).toMatchObject({ Code: 'EntityTooSmall', Message: 'Your proposed upload is smaller than the minimum allowed size', ProposedSize: '1', MinSizeAllowed: '5' });
    for (const key of ['large', 'small']) await expect(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).rejects.toMatchObject({ name: 'NotFound' });
    expect((await postForm(url, fields('five'), { content: 'x'.repeat(5) })).status).toBe(204);
    expect((await postForm(url, fields('ten'), { content: 'x'.repeat(10) })).status).toBe(204);
  });

  it('answers InvalidPolicyDocument for a policy it cannot read', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const fields = signed(bucket).map(([k, v]): [string, string] => (k === 'policy' ? [k, Buffer.from('{"expiration": ').toString('base64')] : [k, v]));
    const r = await postForm(`${nimbus.current.endpoint}/${bucket}`, fields, { content: 'x' });
    expect(r.status).toBe(400);
    expect(s3ErrorOf(r.text)).toMatchObject({ Code: 'InvalidPolicyDocument', Message: 'Invalid Policy: Invalid JSON.' });
  });
});

describe('malformed forms', () => {
  it('requires the file and the key, named as S3 names them', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const url = `${nimbus.current.endpoint}/${bucket}`;
    const noFile = await postForm(url, signed(bucket));
    expect(noFile.status).toBe(400);
    expect(s3ErrorOf(noFile.text)).toMatchObject({ Code: 'InvalidArgument', Message: 'POST requires exactly one file upload per request.', ArgumentName: 'file', ArgumentValue: '0' });
    // A key after the file is not read.
    const late = signed(bucket).filter(([k]) => k !== 'key');
    const noKey = await postForm(url, late, { content: 'x' }, [['key', 'k']]);
    expect(s3ErrorOf(noKey.text)).toMatchObject({
      Code: 'InvalidArgument',
      Message: "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.",
      ArgumentName: 'key',
      ArgumentValue: '',
    });
    const noSignature = await postForm(url, signed(bucket).filter(([k]) => k !== 'x-amz-signature'), { content: 'x' });
    expect(s3ErrorOf(noSignature.text)).toMatchObject({ Code: 'InvalidArgument', ArgumentName: 'X-Amz-Signature', Message: "Bucket POST must contain a field named 'X-Amz-Signature'.  If it is specified, please check the order of the fields." });
  });

  it('answers 412 to a POST that is not multipart/form-data, MalformedPOSTRequest to a broken one', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const endpoint = nimbus.current.endpoint;
    const plain = await raw(endpoint, { method: 'POST', path: `/${bucket}`, headers: { 'content-type': 'text/plain' }, body: 'key=x' });
    expect(plain.status).toBe(412);
    expect(s3ErrorOf(plain.body)).toMatchObject({ Code: 'PreconditionFailed', Condition: 'Bucket POST must be of the enclosure-type multipart/form-data' });
    const noBoundary = await raw(endpoint, { method: 'POST', path: `/${bucket}`, headers: { 'content-type': 'multipart/form-data' }, body: 'x' });
    expect(s3ErrorOf(noBoundary.body)).toMatchObject({ Code: 'MalformedPOSTRequest', Message: 'The body of your POST request is not well-formed multipart/form-data.' });
    const cut = await raw(endpoint, { method: 'POST', path: `/${bucket}`, headers: { 'content-type': 'multipart/form-data; boundary=XyZ' }, body: '--XyZ\r\nContent-Disposition: form-data; name="key"\r\n\r\nk\r\n--XyZ\r\nContent-Disp' });
    expect(cut.status).toBe(400);
    expect(s3ErrorOf(cut.body).Code).toBe('MalformedPOSTRequest');
  });

  it('limits the fields before the file to 20 KiB', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const r = await postForm(`${nimbus.current.endpoint}/${bucket}`, [['key', 'k'], ['x-ignore-padding', 'p'.repeat(21_000)]], { content: 'x' });
    expect(r.status).toBe(400);
    expect(s3ErrorOf(r.text)).toMatchObject({ Code: 'MaxPostPreDataLengthExceeded', Message: 'Your POST request fields preceeding the upload file was too large.', MaxPostPreDataLengthBytes: '20480' });
  });

  it('answers NoSuchBucket for a bucket that does not exist', async () => {
    const r = await postForm(`${nimbus.current.endpoint}/no-such-bucket-here`, signed('no-such-bucket-here'), { content: 'x' });
    expect(r.status).toBe(404);
    expect(s3ErrorOf(r.text)).toMatchObject({ Code: 'NoSuchBucket', BucketName: 'no-such-bucket-here' });
  });
});

describe('addressing', () => {
  it('accepts POST / on a virtual-hosted bucket, and answers its Location in that style', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const form = new FormData();
    for (const [k, v] of signed(bucket)) form.append(k, v);
    form.append('file', new Blob(['vhost']), 'v.txt');
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    const port = new URL(nimbus.current.endpoint).port;
    const host = `${bucket}.s3.localhost:${port}`;
    const r = await raw(nimbus.current.endpoint, {
      method: 'POST',
      path: '/',
      headers: { host, 'content-type': encoded.headers.get('content-type')! },
      body: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(r.status).toBe(204);
    expect(r.headers.location).toBe(`http://${host}/uploads%2Fv.txt`);
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'uploads/v.txt' }));
    expect(await got.Body!.transformToString()).toBe('vhost');
  });
});

describe('interrupted uploads', () => {
  it('keeps nothing when the client goes away in the middle of the file', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await createBucket(s3);
    const form = new FormData();
    for (const [k, v] of signed(bucket)) form.append(k, v);
    form.append('file', new Blob([Buffer.alloc(256 * 1024, 1)]), 'cut.bin');
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    const body = Buffer.from(await encoded.arrayBuffer());
    const { port } = new URL(nimbus.current.endpoint);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST /${bucket} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: ${encoded.headers.get('content-type')}\r\nContent-Length: ${body.length}\r\n\r\n`,
        );
        // Half the body, then the connection drops.
        socket.write(body.subarray(0, body.length / 2), () => setTimeout(() => socket.destroy(), 50));
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    // Nimbus is still serving, and stored no part of the object.
    await expect(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'uploads/cut.bin' }))).rejects.toMatchObject({ name: 'NotFound' });
    const after = await postForm(`${nimbus.current.endpoint}/${bucket}`, signed(bucket), { content: 'whole', filename: 'cut.bin' });
    expect(after.status).toBe(204);
  });
});
