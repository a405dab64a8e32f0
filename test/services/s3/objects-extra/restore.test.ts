/** RestoreObject: archived objects become readable for Days days; other storage classes are refused. */
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, RestoreObjectCommand } from '@aws-sdk/client-s3';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyText, bucketName, expectS3Error } from '../core/helpers.js';
import { daysAfter, useClockedNimbus } from './helpers.js';

const n = useClockedNimbus({ start: new Date('2030-05-01T10:30:00Z') });
const bucket = bucketName('restore');

/** RestoreObject's 202/200 needs models/patches/s3.json to give RestoreObjectOutput a status code member. */
const PATCH = new URL('../../../../models/patches/s3.json', import.meta.url);
const statusPatched = existsSync(PATCH) && readFileSync(PATCH, 'utf8').includes('RestoreObjectOutput');

describe('RestoreObject', () => {
  beforeAll(async () => {
    const { s3 } = n.current;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'cold', Body: 'frozen bytes', StorageClass: 'GLACIER' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'deep', Body: 'deeper', StorageClass: 'DEEP_ARCHIVE' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'warm', Body: 'w' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'instant', Body: 'i', StorageClass: 'GLACIER_IR' }));
  });

  it('refuses objects that are not archived with InvalidObjectState', async () => {
    const { s3 } = n.current;
    for (const Key of ['warm', 'instant']) {
      await expectS3Error(
        s3.send(new RestoreObjectCommand({ Bucket: bucket, Key, RestoreRequest: { Days: 1 } })),
        'InvalidObjectState',
        403,
        "Restore is not allowed for the object's current storage class",
      );
    }
    await expectS3Error(s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'missing', RestoreRequest: { Days: 1 } })), 'NoSuchKey', 404);
  });

  it('refuses a restore without a positive number of days', async () => {
    const { s3 } = n.current;
    await expectS3Error(s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'cold', RestoreRequest: { GlacierJobParameters: { Tier: 'Bulk' } } })), 'MalformedXML', 400);
    await expectS3Error(s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'cold', RestoreRequest: { Days: 0 } })), 'InvalidArgument', 400);
  });

  it('makes an archived object readable until the restored copy expires, at the midnight after Days days', async () => {
    const { s3, clock } = n.current;
    await expectS3Error(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'cold' })), 'InvalidObjectState', 403);
    await s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'cold', RestoreRequest: { Days: 2, GlacierJobParameters: { Tier: 'Standard' } } }));
    // Restored 2030-05-01 10:30 UTC for 2 days: until midnight UTC after 2030-05-03 10:30.
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'cold' }));
    expect(head.Restore).toBe('ongoing-request="false", expiry-date="Sat, 04 May 2030 00:00:00 GMT"');
    expect(head.StorageClass).toBe('GLACIER');
    expect(await bodyText((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'cold' }))).Body)).toBe('frozen bytes');

    // Restoring again resets the period from now.
    clock.set(new Date('2030-05-02T08:00:00Z'));
    await s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'cold', RestoreRequest: { Days: 5 } }));
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'cold' }))).Restore).toBe('ongoing-request="false", expiry-date="Wed, 08 May 2030 00:00:00 GMT"');

    clock.set(new Date('2030-05-08T00:00:00Z'));
    await expectS3Error(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'cold' })), 'InvalidObjectState', 403);
  });

  it.runIf(statusPatched)('answers 202 for a new restore and 200 when a restored copy exists', async () => {
    const { s3, clock } = n.current;
    clock.set(daysAfter(new Date('2030-06-01T00:00:00Z'), 0));
    const first = await s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'deep', RestoreRequest: { Days: 1 } }));
    expect(first.$metadata.httpStatusCode).toBe(202);
    const again = await s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'deep', RestoreRequest: { Days: 3 } }));
    expect(again.$metadata.httpStatusCode).toBe(200);
  });
});
