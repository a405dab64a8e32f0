import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { raw, sigV4Header } from '../../../helpers/http.js';
import { bodyBytes, bucketName, expectS3Error, s3Client } from './helpers.js';

const nimbus = useNimbus();
const bucket = bucketName('mpu');
const MiB = 1024 * 1024;

/** Deterministic, position-dependent bytes (a misplaced part or range shows). */
function pattern(size: number, seed = 1): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i + 4 <= size; i += 4) b.writeUInt32LE((Math.imul(i + seed, 2654435761) >>> 0), i);
  return b;
}

function md5(b: Buffer): Buffer {
  return createHash('md5').update(b).digest();
}

describe('S3 multipart uploads', () => {
  beforeAll(async () => {
    await s3Client(nimbus).send(new CreateBucketCommand({ Bucket: bucket }));
  });

  it('lib-storage Upload: parts become one object; GET streams across parts, ranges span them, partNumber reads one', async () => {
    const s3 = s3Client(nimbus);
    const data = pattern(12 * MiB + 123);
    await new Upload({ client: s3, params: { Bucket: bucket, Key: 'big/file.bin', Body: data, ContentType: 'application/x-test', Metadata: { origin: 'lib-storage' } }, partSize: 5 * MiB, queueSize: 2 }).done();
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'big/file.bin' }));
    const parts = [data.subarray(0, 5 * MiB), data.subarray(5 * MiB, 10 * MiB), data.subarray(10 * MiB)];
    const etag = `"${createHash('md5').update(Buffer.concat(parts.map(md5))).digest('hex')}-3"`;
    expect(head).toMatchObject({ ContentLength: data.length, ETag: etag, ContentType: 'application/x-test', Metadata: { origin: 'lib-storage' } });
    const whole = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'big/file.bin' }));
    expect((await bodyBytes(whole.Body)).equals(data)).toBe(true);
    const span = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'big/file.bin', Range: `bytes=${5 * MiB - 10}-${10 * MiB + 9}` }));
    expect(span.ContentRange).toBe(`bytes ${5 * MiB - 10}-${10 * MiB + 9}/${data.length}`);
    expect((await bodyBytes(span.Body)).equals(data.subarray(5 * MiB - 10, 10 * MiB + 10))).toBe(true);
    const second = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'big/file.bin', PartNumber: 2 }));
    expect(second.PartsCount).toBe(3);
    expect(second.ContentLength).toBe(5 * MiB);
    expect(second.ContentRange).toBe(`bytes ${5 * MiB}-${10 * MiB - 1}/${data.length}`);
    expect((await bodyBytes(second.Body)).equals(parts[1]!)).toBe(true);
    const headPart = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'big/file.bin', PartNumber: 3 }));
    expect(headPart).toMatchObject({ PartsCount: 3, ContentLength: 2 * MiB + 123 });
    await expectS3Error(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'big/file.bin', PartNumber: 4 })), 'InvalidPartNumber', 416);
  });

  it('CompleteMultipartUpload: ETag from part MD5s, parts may be skipped, ListParts and ListMultipartUploads page', async () => {
    const s3 = s3Client(nimbus);
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'manual', StorageClass: 'STANDARD_IA' }));
    expect(UploadId).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const p1 = pattern(5 * MiB, 1);
    const p2 = pattern(5 * MiB, 2);
    const p3 = Buffer.from('tail');
    const e1 = (await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'manual', UploadId, PartNumber: 1, Body: p1 }))).ETag!;
    await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'manual', UploadId, PartNumber: 2, Body: p2 }));
    const e3 = (await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'manual', UploadId, PartNumber: 3, Body: p3 }))).ETag!;
    expect(e1).toBe(`"${md5(p1).toString('hex')}"`);

    const listed: number[] = [];
    let marker: string | undefined;
    for (;;) {
      const page = await s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'manual', UploadId, MaxParts: 2, PartNumberMarker: marker }));
      listed.push(...page.Parts!.map((p) => p.PartNumber!));
      expect(page.StorageClass).toBe('STANDARD_IA');
      expect(page.Initiator!.ID).toMatch(/^[0-9a-f]{64}$/);
      if (!page.IsTruncated) break;
      marker = page.NextPartNumberMarker;
    }
    expect(listed).toEqual([1, 2, 3]);
    const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    expect(uploads.Uploads!.map((u) => [u.Key, u.UploadId])).toContainEqual(['manual', UploadId]);

    const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'manual', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: e1 }, { PartNumber: 3, ETag: e3 }] } }));
    expect(done.ETag).toBe(`"${createHash('md5').update(Buffer.concat([md5(p1), md5(p3)])).digest('hex')}-2"`);
    expect(done.Key).toBe('manual');
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'manual' }));
    expect(got.StorageClass).toBe('STANDARD_IA');
    expect((await bodyBytes(got.Body)).equals(Buffer.concat([p1, p3]))).toBe(true);
    await expectS3Error(s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'manual', UploadId })), 'NoSuchUpload', 404);
  });

  it('refuses out-of-order parts, unknown parts or ETags, small parts, bad part numbers and unknown uploads', async () => {
    const s3 = s3Client(nimbus);
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'rules' }));
    const e1 = (await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'rules', UploadId, PartNumber: 1, Body: 'small' }))).ETag!;
    const e2 = (await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'rules', UploadId, PartNumber: 2, Body: 'small too' }))).ETag!;
    const complete = (Parts: { PartNumber: number; ETag: string }[]) => s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'rules', UploadId, MultipartUpload: { Parts } }));
    await expectS3Error(complete([{ PartNumber: 2, ETag: e2 }, { PartNumber: 1, ETag: e1 }]), 'InvalidPartOrder', 400, 'The list of parts was not in ascending order. Parts must be ordered by part number.');
    await expectS3Error(complete([{ PartNumber: 1, ETag: e1 }, { PartNumber: 7, ETag: e2 }]), 'InvalidPart', 400, /One or more of the specified parts could not be found/);
    await expectS3Error(complete([{ PartNumber: 1, ETag: '"00000000000000000000000000000000"' }]), 'InvalidPart', 400);
    const small = await expectS3Error(complete([{ PartNumber: 1, ETag: e1 }, { PartNumber: 2, ETag: e2 }]), 'EntityTooSmall', 400, 'Your proposed upload is smaller than the minimum allowed object size.');
    expect(small.ProposedSize).toBe('5');
    expect(small.MinSizeAllowed).toBe(String(5 * MiB));
    await expectS3Error(complete([]), 'MalformedXML', 400);
    // A single small part is fine: the last part has no minimum.
    for (const n of [0, 10001]) {
      await expectS3Error(s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'rules', UploadId, PartNumber: n, Body: 'x' })), 'InvalidArgument', 400, 'Part number must be an integer between 1 and 10000, inclusive');
    }
    await expectS3Error(s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'rules', UploadId: 'nope', PartNumber: 1, Body: 'x' })), 'NoSuchUpload', 404, /The specified upload does not exist/);
    await expectS3Error(s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'other-key', UploadId, PartNumber: 1, Body: 'x' })), 'NoSuchUpload', 404);
    await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'rules', UploadId, MultipartUpload: { Parts: [{ PartNumber: 2, ETag: e2 }] } }));
    expect((await bodyBytes((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'rules' }))).Body)).toString()).toBe('small too');
  });

  it('a re-uploaded part replaces the earlier one', async () => {
    const s3 = s3Client(nimbus);
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'replace' }));
    await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'replace', UploadId, PartNumber: 1, Body: 'first' }));
    const e = (await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'replace', UploadId, PartNumber: 1, Body: 'second' }))).ETag!;
    const parts = await s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'replace', UploadId }));
    expect(parts.Parts!.map((p) => [p.PartNumber, p.ETag, p.Size])).toEqual([[1, e, 6]]);
    await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'replace', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: e }] } }));
    expect((await bodyBytes((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'replace' }))).Body)).toString()).toBe('second');
  });

  it('AbortMultipartUpload answers 204 and forgets the upload; DeleteBucket counts uploads in progress', async () => {
    const s3 = s3Client(nimbus);
    const b = bucketName('mpu-abort');
    await s3.send(new CreateBucketCommand({ Bucket: b }));
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: b, Key: 'k' }));
    await s3.send(new UploadPartCommand({ Bucket: b, Key: 'k', UploadId, PartNumber: 1, Body: 'x' }));
    await expectS3Error(s3.send(new DeleteBucketCommand({ Bucket: b })), 'BucketNotEmpty', 409);
    const aborted = await s3.send(new AbortMultipartUploadCommand({ Bucket: b, Key: 'k', UploadId }));
    expect(aborted.$metadata.httpStatusCode).toBe(204);
    await expectS3Error(s3.send(new AbortMultipartUploadCommand({ Bucket: b, Key: 'k', UploadId })), 'NoSuchUpload', 404);
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: b }))).Uploads).toBeUndefined();
    await s3.send(new DeleteBucketCommand({ Bucket: b }));
  });

  it('ListMultipartUploads: key order, creation order within a key, KeyMarker/UploadIdMarker, Prefix/Delimiter', async () => {
    const s3 = s3Client(nimbus);
    const b = bucketName('mpu-list');
    await s3.send(new CreateBucketCommand({ Bucket: b }));
    const expected: [string, string][] = [];
    for (const key of ['b', 'a', 'dir/x', 'dir/y', 'a']) {
      const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: b, Key: key }));
      expected.push([key, UploadId!]);
    }
    const order = ['a', 'b', 'dir/x', 'dir/y'];
    expected.sort((x, y) => order.indexOf(x[0]) - order.indexOf(y[0]));
    const seen: [string, string][] = [];
    let keyMarker: string | undefined;
    let uploadMarker: string | undefined;
    for (;;) {
      const page = await s3.send(new ListMultipartUploadsCommand({ Bucket: b, MaxUploads: 2, KeyMarker: keyMarker, UploadIdMarker: uploadMarker }));
      seen.push(...page.Uploads!.map((u) => [u.Key!, u.UploadId!] as [string, string]));
      if (!page.IsTruncated) break;
      keyMarker = page.NextKeyMarker;
      uploadMarker = page.NextUploadIdMarker;
    }
    expect(seen).toEqual(expected);
    const grouped = await s3.send(new ListMultipartUploadsCommand({ Bucket: b, Delimiter: '/' }));
    expect(grouped.CommonPrefixes!.map((p) => p.Prefix)).toEqual(['dir/']);
    expect(grouped.Uploads!.map((u) => u.Key)).toEqual(['a', 'a', 'b']);
    const prefixed = await s3.send(new ListMultipartUploadsCommand({ Bucket: b, Prefix: 'dir/' }));
    expect(prefixed.Uploads!.map((u) => u.Key)).toEqual(['dir/x', 'dir/y']);
  });

  it('conditional completion: If-None-Match * fails when the key exists', async () => {
    const s3 = s3Client(nimbus);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'exists', Body: 'old' }));
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'exists' }));
    const e = (await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'exists', UploadId, PartNumber: 1, Body: 'new' }))).ETag!;
    await expectS3Error(
      s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'exists', UploadId, IfNoneMatch: '*', MultipartUpload: { Parts: [{ PartNumber: 1, ETag: e }] } })),
      'PreconditionFailed',
      412,
    );
    expect((await bodyBytes((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'exists' }))).Body)).toString()).toBe('old');
    // The upload is still there and can complete unconditionally.
    await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'exists', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: e }] } }));
    expect((await bodyBytes((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'exists' }))).Body)).toString()).toBe('new');
  });

  it('a composite checksum combines the parts and ends in -N', async () => {
    const s3 = s3Client(nimbus);
    const { UploadId, ChecksumAlgorithm } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'sha', ChecksumAlgorithm: 'SHA256' }));
    expect(ChecksumAlgorithm).toBe('SHA256');
    const p1 = pattern(5 * MiB, 9);
    const p2 = Buffer.from('end');
    const r1 = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'sha', UploadId, PartNumber: 1, Body: p1, ChecksumAlgorithm: 'SHA256' }));
    const r2 = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'sha', UploadId, PartNumber: 2, Body: p2, ChecksumAlgorithm: 'SHA256' }));
    const sha = (b: Buffer) => createHash('sha256').update(b).digest();
    expect(r1.ChecksumSHA256).toBe(sha(p1).toString('base64'));
    const done = await s3.send(
      new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'sha', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: r1.ETag, ChecksumSHA256: r1.ChecksumSHA256 }, { PartNumber: 2, ETag: r2.ETag, ChecksumSHA256: r2.ChecksumSHA256 }] } }),
    );
    const expected = `${sha(Buffer.concat([sha(p1), sha(p2)])).toString('base64')}-2`;
    expect(done.ChecksumSHA256).toBe(expected);
    expect(done.ChecksumType).toBe('COMPOSITE');
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'sha', ChecksumMode: 'ENABLED' }));
    expect(head.ChecksumSHA256).toBe(expected);
  });

  it('HEAD of a multipart object shows the part count only when a part is asked for', async () => {
    const r = await raw(nimbus.current.endpoint, { method: 'HEAD', path: `/${bucket}/manual?partNumber=1`, headers: { authorization: sigV4Header('s3') } });
    expect(r.headers['x-amz-mp-parts-count']).toBe('2');
    const plain = await raw(nimbus.current.endpoint, { method: 'HEAD', path: `/${bucket}/manual`, headers: { authorization: sigV4Header('s3') } });
    expect(plain.headers['x-amz-mp-parts-count']).toBeUndefined();
  });
});
