import {
  GetBucketAccelerateConfigurationCommand,
  GetBucketRequestPaymentCommand,
  GetObjectLockConfigurationCommand,
  PutBucketAccelerateConfigurationCommand,
  PutBucketRequestPaymentCommand,
  PutObjectLockConfigurationCommand,
  type BucketAccelerateStatus,
  type ObjectLockConfiguration,
  type Payer,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { failure, newBucket, OTHER_ACCOUNT, s3Client } from './helpers.js';

const nimbus = useNimbus();

describe('S3 Transfer Acceleration settings', () => {
  it('has no status until set, then Enabled or Suspended', async () => {
    const bucket = await newBucket(nimbus, 'accelerate');
    const s3 = s3Client(nimbus);
    expect((await s3.send(new GetBucketAccelerateConfigurationCommand({ Bucket: bucket }))).Status).toBeUndefined();
    for (const Status of ['Enabled', 'Suspended'] as const) {
      await s3.send(new PutBucketAccelerateConfigurationCommand({ Bucket: bucket, AccelerateConfiguration: { Status } }));
      expect((await s3.send(new GetBucketAccelerateConfigurationCommand({ Bucket: bucket }))).Status).toBe(Status);
    }
    expect(await failure(s3.send(new PutBucketAccelerateConfigurationCommand({ Bucket: bucket, AccelerateConfiguration: { Status: 'Fast' as BucketAccelerateStatus } })))).toMatchObject({
      name: 'MalformedXML',
      status: 400,
    });
  });

  it('is refused for bucket names with dots', async () => {
    const bucket = await newBucket(nimbus, 'dotted.name');
    expect(await failure(s3Client(nimbus).send(new PutBucketAccelerateConfigurationCommand({ Bucket: bucket, AccelerateConfiguration: { Status: 'Enabled' } })))).toEqual({
      name: 'InvalidRequest',
      message: 'S3 Transfer Acceleration is not supported for buckets with periods (.) in their names',
      status: 400,
      fields: {},
    });
  });
});

describe('S3 Requester Pays settings', () => {
  it('is BucketOwner until set to Requester', async () => {
    const bucket = await newBucket(nimbus, 'payment');
    const s3 = s3Client(nimbus);
    expect((await s3.send(new GetBucketRequestPaymentCommand({ Bucket: bucket }))).Payer).toBe('BucketOwner');
    await s3.send(new PutBucketRequestPaymentCommand({ Bucket: bucket, RequestPaymentConfiguration: { Payer: 'Requester' } }));
    expect((await s3.send(new GetBucketRequestPaymentCommand({ Bucket: bucket }))).Payer).toBe('Requester');
    expect(await failure(s3.send(new PutBucketRequestPaymentCommand({ Bucket: bucket, RequestPaymentConfiguration: { Payer: 'Nobody' as Payer } })))).toMatchObject({ name: 'MalformedXML', status: 400 });
    expect(await failure(s3Client(nimbus, OTHER_ACCOUNT).send(new GetBucketRequestPaymentCommand({ Bucket: bucket })))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });
});

describe('S3 Object Lock configuration', () => {
  it('is Enabled for a bucket created with Object Lock, with the default retention put', async () => {
    const bucket = await newBucket(nimbus, 'locked', { objectLock: true });
    const s3 = s3Client(nimbus);
    const get = async () => (await s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }))).ObjectLockConfiguration;
    expect(await get()).toEqual({ ObjectLockEnabled: 'Enabled' });
    const config: ObjectLockConfiguration = { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: 1 } } };
    await s3.send(new PutObjectLockConfigurationCommand({ Bucket: bucket, ObjectLockConfiguration: config }));
    expect(await get()).toEqual(config);
    await s3.send(new PutObjectLockConfigurationCommand({ Bucket: bucket, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } }));
    expect(await get()).toEqual({ ObjectLockEnabled: 'Enabled' });
  });

  it('refuses malformed default retention', async () => {
    const bucket = await newBucket(nimbus, 'locked-bad', { objectLock: true });
    const put = (c: ObjectLockConfiguration) => s3Client(nimbus).send(new PutObjectLockConfigurationCommand({ Bucket: bucket, ObjectLockConfiguration: c }));
    expect(await failure(put({ ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1, Years: 1 } } }))).toMatchObject({ name: 'MalformedXML', status: 400 });
    expect(await failure(put({ ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE' } } }))).toMatchObject({ name: 'MalformedXML', status: 400 });
    expect(await failure(put({ ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Days: 5 } } }))).toMatchObject({ name: 'MalformedXML', status: 400 });
    expect(await failure(put({ ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 0 } } }))).toMatchObject({
      name: 'InvalidArgument',
      message: 'Default retention period must be a positive integer value',
      status: 400,
    });
  });

  it('is not found on a bucket without Object Lock, and needs versioning to be turned on', async () => {
    const bucket = await newBucket(nimbus, 'unlocked');
    const s3 = s3Client(nimbus);
    expect(await failure(s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucket })))).toEqual({
      name: 'ObjectLockConfigurationNotFoundError',
      message: 'Object Lock configuration does not exist for this bucket',
      status: 404,
      fields: { BucketName: bucket },
    });
    expect(await failure(s3.send(new PutObjectLockConfigurationCommand({ Bucket: bucket, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } })))).toEqual({
      name: 'InvalidBucketState',
      message: "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration",
      status: 409,
      fields: {},
    });
    expect(await failure(s3Client(nimbus, OTHER_ACCOUNT).send(new GetObjectLockConfigurationCommand({ Bucket: bucket })))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });
});
