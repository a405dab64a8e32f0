import {
  DeleteBucketOwnershipControlsCommand,
  DeletePublicAccessBlockCommand,
  GetBucketOwnershipControlsCommand,
  GetPublicAccessBlockCommand,
  PutBucketAclCommand,
  PutBucketOwnershipControlsCommand,
  PutPublicAccessBlockCommand,
  type ObjectOwnership,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { failure, newBucket, OTHER_ACCOUNT, s3Client } from './helpers.js';

const nimbus = useNimbus();

describe('S3 Object Ownership controls', () => {
  it('new buckets enforce bucket ownership; the setting can be changed and deleted', async () => {
    const bucket = await newBucket(nimbus, 'ownership');
    const s3 = s3Client(nimbus);
    const get = async () => (await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket }))).OwnershipControls;
    expect(await get()).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    for (const setting of ['BucketOwnerPreferred', 'ObjectWriter', 'BucketOwnerEnforced'] as const) {
      await s3.send(new PutBucketOwnershipControlsCommand({ Bucket: bucket, OwnershipControls: { Rules: [{ ObjectOwnership: setting }] } }));
      expect(await get()).toEqual({ Rules: [{ ObjectOwnership: setting }] });
    }
    expect((await s3.send(new DeleteBucketOwnershipControlsCommand({ Bucket: bucket }))).$metadata.httpStatusCode).toBe(204);
    expect(await failure(s3.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket })))).toEqual({
      name: 'OwnershipControlsNotFoundError',
      message: 'The bucket ownership controls were not found',
      status: 404,
      fields: { BucketName: bucket },
    });
  });

  it('refuses unknown settings, and BucketOwnerEnforced while the ACL grants others', async () => {
    const bucket = await newBucket(nimbus, 'ownership-acl');
    const s3 = s3Client(nimbus);
    expect(await failure(s3.send(new PutBucketOwnershipControlsCommand({ Bucket: bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'Everyone' as ObjectOwnership }] } })))).toMatchObject({
      name: 'MalformedXML',
      status: 400,
    });
    await s3.send(new PutBucketOwnershipControlsCommand({ Bucket: bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } }));
    // New buckets block public ACLs; lift that to grant AllUsers.
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: bucket }));
    await s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: 'public-read' }));
    expect(await failure(s3.send(new PutBucketOwnershipControlsCommand({ Bucket: bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } })))).toEqual({
      name: 'InvalidBucketAclWithObjectOwnership',
      message: "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting",
      status: 400,
      fields: {},
    });
    await s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: 'private' }));
    await s3.send(new PutBucketOwnershipControlsCommand({ Bucket: bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }));
  });
});

describe('S3 Block Public Access (bucket level)', () => {
  it('stores all four flags, false where left out, and deletes them', async () => {
    const bucket = await newBucket(nimbus, 'pab');
    const s3 = s3Client(nimbus);
    // New buckets block all public access, as AWS's have since April 2023.
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/create-bucket-faq.html
    expect((await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true } }));
    expect((await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: false,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: true,
    });
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }));
    expect((await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    expect((await s3.send(new DeletePublicAccessBlockCommand({ Bucket: bucket }))).$metadata.httpStatusCode).toBe(204);
    expect(await failure(s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket })))).toEqual({
      name: 'NoSuchPublicAccessBlockConfiguration',
      message: 'The public access block configuration was not found',
      status: 404,
      fields: { BucketName: bucket },
    });
  });

  it('is the owner’s to configure', async () => {
    const bucket = await newBucket(nimbus, 'pab-owner');
    const other = s3Client(nimbus, OTHER_ACCOUNT);
    expect(await failure(other.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: {} })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(await failure(other.send(new DeleteBucketOwnershipControlsCommand({ Bucket: bucket })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(await failure(s3Client(nimbus).send(new GetPublicAccessBlockCommand({ Bucket: 'no-such-bucket-pab' })))).toMatchObject({ name: 'NoSuchBucket', status: 404 });
  });
});
