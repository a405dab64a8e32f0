import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetBucketLocationCommand,
  GetBucketOwnershipControlsCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { raw, sigV4Header } from '../../../helpers/http.js';
import { bucketName, expectS3Error, s3Client } from './helpers.js';

const nimbus = useNimbus();

function otherAccount(accountId: string): S3Client {
  return s3Client(nimbus, { credentials: { accessKeyId: accountId, secretAccessKey: 'x' } });
}

describe('S3 buckets', () => {
  it('creates a bucket, answers its Location, and lists it with its region', async () => {
    const s3 = s3Client(nimbus);
    const name = bucketName();
    const out = await s3.send(new CreateBucketCommand({ Bucket: name }));
    expect(out.Location).toBe(`/${name}`);
    const list = await s3.send(new ListBucketsCommand({}));
    const mine = list.Buckets!.find((b) => b.Name === name);
    expect(mine).toMatchObject({ Name: name, BucketRegion: 'us-east-1' });
    expect(mine!.CreationDate).toBeInstanceOf(Date);
    expect(list.Owner!.ID).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses invalid bucket names', async () => {
    const s3 = s3Client(nimbus);
    for (const bad of ['ab', 'UPPER-case', 'a..b', '192.168.5.4', 'xn--abc', 'ends-with-dash-', 'under_score', 'x'.repeat(64), 'abc-s3alias']) {
      const e = await expectS3Error(s3.send(new CreateBucketCommand({ Bucket: bad })), 'InvalidBucketName', 400, 'The specified bucket is not valid.');
      expect(e.BucketName).toBe(bad);
    }
  });

  it('re-creating your own bucket answers 200 in us-east-1 and BucketAlreadyOwnedByYou elsewhere', async () => {
    const s3 = s3Client(nimbus);
    const name = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    const west = s3Client(nimbus, { region: 'eu-west-1' });
    const regional = bucketName();
    await west.send(new CreateBucketCommand({ Bucket: regional, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    await expectS3Error(
      west.send(new CreateBucketCommand({ Bucket: regional, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } })),
      'BucketAlreadyOwnedByYou',
      409,
      'Your previous request to create the named bucket succeeded and you already own it.',
    );
  });

  it("another account's bucket name is BucketAlreadyExists; ListBuckets shows only the caller's", async () => {
    const name = bucketName();
    await s3Client(nimbus).send(new CreateBucketCommand({ Bucket: name }));
    const other = otherAccount('111122223333');
    await expectS3Error(
      other.send(new CreateBucketCommand({ Bucket: name })),
      'BucketAlreadyExists',
      409,
      'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
    );
    const theirs = bucketName();
    await other.send(new CreateBucketCommand({ Bucket: theirs }));
    const listed = await other.send(new ListBucketsCommand({}));
    expect(listed.Buckets!.map((b) => b.Name)).toEqual([theirs]);
    const mine = await s3Client(nimbus).send(new ListBucketsCommand({}));
    expect(mine.Owner!.ID).not.toBe(listed.Owner!.ID);
    expect(mine.Buckets!.map((b) => b.Name)).not.toContain(theirs);
  });

  it('checks the LocationConstraint against the request region', async () => {
    const east = s3Client(nimbus);
    await expectS3Error(
      east.send(new CreateBucketCommand({ Bucket: bucketName(), CreateBucketConfiguration: { LocationConstraint: 'us-east-1' as never } })),
      'InvalidLocationConstraint',
      400,
      'The specified location-constraint is not valid',
    );
    // The SDK adds its own Region as LocationConstraint when none is given: send the bare request.
    const bare = await raw(nimbus.current.endpoint, { method: 'PUT', path: `/${bucketName()}`, headers: { authorization: sigV4Header('s3', 'eu-west-1') } });
    expect(bare.status).toBe(400);
    expect(bare.body).toContain('<Code>IllegalLocationConstraintException</Code>');
    expect(bare.body).toContain('<Message>The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.</Message>');
    const west = s3Client(nimbus, { region: 'eu-west-1' });
    await expectS3Error(
      west.send(new CreateBucketCommand({ Bucket: bucketName(), CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } })),
      'IllegalLocationConstraintException',
      400,
      'The us-west-2 location constraint is incompatible for the region specific endpoint this request was sent to.',
    );
    // The us-east-1 (global) endpoint creates buckets in any Region.
    const name = bucketName();
    await east.send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: 'ap-south-1' } }));
    expect((await east.send(new GetBucketLocationCommand({ Bucket: name }))).LocationConstraint).toBe('ap-south-1');
    const head = await east.send(new HeadBucketCommand({ Bucket: name }));
    expect(head.BucketRegion).toBe('ap-south-1');
  });

  it('GetBucketLocation is empty for us-east-1', async () => {
    const s3 = s3Client(nimbus);
    const name = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    const out = await s3.send(new GetBucketLocationCommand({ Bucket: name }));
    expect(out.LocationConstraint ?? '').toBe('');
  });

  it('HeadBucket: region header, bare 404 for a missing bucket, 403 for the wrong expected owner', async () => {
    const s3 = s3Client(nimbus);
    const name = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    const headers = { authorization: sigV4Header('s3') };
    const ok = await raw(nimbus.current.endpoint, { method: 'HEAD', path: `/${name}`, headers });
    expect(ok.status).toBe(200);
    expect(ok.headers['x-amz-bucket-region']).toBe('us-east-1');
    const missing = await raw(nimbus.current.endpoint, { method: 'HEAD', path: `/${bucketName()}`, headers });
    expect(missing.status).toBe(404);
    expect(missing.body).toBe('');
    await expectS3Error(s3.send(new HeadBucketCommand({ Bucket: bucketName() })), 'NotFound', 404);
    // A HEAD answer has no body, so the SDK can only name a 403 "Unknown".
    await expectS3Error(s3.send(new HeadBucketCommand({ Bucket: name, ExpectedBucketOwner: '999999999999' })), 'Unknown', 403);
  });

  it('DeleteBucket: NoSuchBucket, BucketNotEmpty while objects or delete markers remain, then deleted', async () => {
    const s3 = s3Client(nimbus);
    const missing = bucketName();
    const e = await expectS3Error(s3.send(new DeleteBucketCommand({ Bucket: missing })), 'NoSuchBucket', 404, 'The specified bucket does not exist');
    expect(e.BucketName).toBe(missing);
    const name = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    await s3.send(new PutObjectCommand({ Bucket: name, Key: 'k', Body: 'x' }));
    await expectS3Error(s3.send(new DeleteBucketCommand({ Bucket: name })), 'BucketNotEmpty', 409, 'The bucket you tried to delete is not empty');
    await s3.send(new DeleteObjectCommand({ Bucket: name, Key: 'k' }));
    await s3.send(new DeleteBucketCommand({ Bucket: name }));
    await expectS3Error(s3.send(new HeadBucketCommand({ Bucket: name })), 'NotFound', 404);
  });

  it('new buckets get BucketOwnerEnforced unless ObjectOwnership says otherwise', async () => {
    const s3 = s3Client(nimbus);
    const a = bucketName();
    const b = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: a }));
    await s3.send(new CreateBucketCommand({ Bucket: b, ObjectOwnership: 'ObjectWriter' }));
    const ga = await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: a })).catch(() => undefined);
    const gb = await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: b })).catch(() => undefined);
    // GetBucketOwnershipControls belongs to the configuration handlers; when present it shows what CreateBucket stored.
    if (ga) expect(ga.OwnershipControls!.Rules![0]!.ObjectOwnership).toBe('BucketOwnerEnforced');
    if (gb) expect(gb.OwnershipControls!.Rules![0]!.ObjectOwnership).toBe('ObjectWriter');
  });

  it('ListBuckets pages with MaxBuckets and ContinuationToken, filters by Prefix and BucketRegion', async () => {
    const s3 = otherAccount('444455556666');
    const prefix = bucketName('page');
    const names = [0, 1, 2, 3, 4].map((i) => `${prefix}-${i}`);
    for (const n of names) await s3.send(new CreateBucketCommand({ Bucket: n }));
    await s3.send(new CreateBucketCommand({ Bucket: `${prefix}-west`, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListBucketsCommand({ MaxBuckets: 2, ContinuationToken: token, Prefix: prefix, BucketRegion: 'us-east-1' }));
      expect(page.Buckets!.length).toBeLessThanOrEqual(2);
      expect(page.Prefix).toBe(prefix);
      seen.push(...page.Buckets!.map((b) => b.Name!));
      token = page.ContinuationToken;
    } while (token);
    expect(seen).toEqual(names);
    await expectS3Error(s3.send(new ListBucketsCommand({ MaxBuckets: 0 })), 'InvalidArgument', 400);
  });
});
