import {
  DeleteBucketLifecycleCommand,
  GetBucketLifecycleConfigurationCommand,
  PutBucketLifecycleConfigurationCommand,
  type LifecycleRule,
  type TransitionDefaultMinimumObjectSize,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { failure, newBucket, OTHER_ACCOUNT, s3Client } from './helpers.js';

const nimbus = useNimbus();
let bucket: string;

beforeAll(async () => {
  bucket = await newBucket(nimbus, 'lifecycle');
});

const put = (Rules: LifecycleRule[], TransitionDefaultMinimumObjectSize?: TransitionDefaultMinimumObjectSize) =>
  s3Client(nimbus).send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules }, TransitionDefaultMinimumObjectSize }));
const get = () => s3Client(nimbus).send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }));

describe('S3 lifecycle configuration', () => {
  it('stores every filter form and action, and names rules without an ID', async () => {
    const rules: LifecycleRule[] = [
      { ID: 'logs', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 30 }, Transitions: [{ Days: 0, StorageClass: 'GLACIER_IR' }, { Days: 30, StorageClass: 'STANDARD_IA' }] },
      { ID: 'tagged', Status: 'Disabled', Filter: { Tag: { Key: 'tier', Value: 'cold' } }, Transitions: [{ Date: new Date('2030-01-01T00:00:00Z'), StorageClass: 'DEEP_ARCHIVE' }] },
      { ID: 'big', Status: 'Enabled', Filter: { ObjectSizeGreaterThan: 1024 }, Expiration: { Date: new Date('2031-06-01T00:00:00Z') } },
      {
        ID: 'and',
        Status: 'Enabled',
        Filter: { And: { Prefix: 'tmp/', Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }], ObjectSizeGreaterThan: 10, ObjectSizeLessThan: 1000 } },
        NoncurrentVersionExpiration: { NoncurrentDays: 7, NewerNoncurrentVersions: 3 },
        NoncurrentVersionTransitions: [{ NoncurrentDays: 30, StorageClass: 'GLACIER' }],
      },
      { ID: 'markers', Status: 'Enabled', Filter: {}, Expiration: { ExpiredObjectDeleteMarker: true }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } },
      { ID: 'legacy-prefix', Status: 'Enabled', Prefix: 'old/', Expiration: { Days: 1 } },
    ];
    const out = await put(rules);
    expect(out.TransitionDefaultMinimumObjectSize).toBe('all_storage_classes_128K');
    const got = await get();
    expect(got.TransitionDefaultMinimumObjectSize).toBe('all_storage_classes_128K');
    expect(got.Rules).toEqual(rules);

    await put([{ Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 1 } }], 'varies_by_storage_class');
    const named = await get();
    expect(named.TransitionDefaultMinimumObjectSize).toBe('varies_by_storage_class');
    expect(named.Rules).toHaveLength(1);
    expect(named.Rules![0]!.ID).toMatch(/^\S{20,}$/);
  });

  it('deletes the configuration', async () => {
    await put([{ ID: 'x', Status: 'Enabled', Filter: {}, Expiration: { Days: 1 } }]);
    expect((await s3Client(nimbus).send(new DeleteBucketLifecycleCommand({ Bucket: bucket }))).$metadata.httpStatusCode).toBe(204);
    expect(await failure(get())).toEqual({
      name: 'NoSuchLifecycleConfiguration',
      message: 'The lifecycle configuration does not exist',
      status: 404,
      fields: { BucketName: bucket },
    });
  });

  it('refuses what AWS refuses, with its codes and messages', async () => {
    const base: LifecycleRule = { ID: 'r', Status: 'Enabled', Filter: {} };
    const malformed = 'The XML you provided was not well-formed or did not validate against our published schema';
    const cases: [LifecycleRule[], string, string][] = [
      [[], 'MalformedXML', malformed],
      [[{ ...base, Status: 'On' as never, Expiration: { Days: 1 } }], 'MalformedXML', malformed],
      [[{ ID: 'r', Status: 'Enabled', Expiration: { Days: 1 } }], 'MalformedXML', malformed],
      [[{ ...base, Prefix: 'a', Expiration: { Days: 1 } }], 'MalformedXML', malformed],
      [[{ ...base, Filter: { Prefix: 'a', Tag: { Key: 'k', Value: 'v' } }, Expiration: { Days: 1 } }], 'MalformedXML', malformed],
      [[{ ...base, Expiration: { Days: 1, Date: new Date('2030-01-01T00:00:00Z') } }], 'MalformedXML', malformed],
      [[{ ...base, Transitions: [{ Days: 40 }] }], 'MalformedXML', malformed],
      [[base], 'InvalidRequest', 'At least one action needs to be specified in a rule'],
      [[{ ...base, Expiration: { Days: 0 } }], 'InvalidArgument', "'Days' for Expiration action must be a positive integer"],
      [[{ ...base, Expiration: { Date: new Date('2030-01-01T12:00:00Z') } }], 'InvalidArgument', "'Date' must be at midnight GMT"],
      [[{ ...base, Expiration: { Days: 3, ExpiredObjectDeleteMarker: true } }], 'InvalidArgument', 'ExpiredObjectDeleteMarker cannot be specified with Days or Date in a Lifecycle Expiration Policy'],
      [[{ ...base, NoncurrentVersionExpiration: { NoncurrentDays: 0 } }], 'InvalidArgument', "'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer"],
      [[{ ...base, NoncurrentVersionExpiration: { NoncurrentDays: 1, NewerNoncurrentVersions: 101 } }], 'InvalidArgument', "'NewerNoncurrentVersions' for NoncurrentVersionExpiration action must be an integer between 1 and 100"],
      [[{ ...base, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 0 } }], 'InvalidArgument', "'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer"],
      [[{ ...base, Filter: { Tag: { Key: 'k', Value: 'v' } }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }], 'InvalidRequest', 'AbortIncompleteMultipartUpload cannot be specified with Tags.'],
      [[{ ...base, Transitions: [{ Days: 10, StorageClass: 'STANDARD_IA' }] }], 'InvalidArgument', "'Days' in Transition action must be greater than or equal to 30 for storageClass 'STANDARD_IA'"],
      [[{ ...base, Filter: { And: { ObjectSizeGreaterThan: 100, ObjectSizeLessThan: 100 } }, Expiration: { Days: 1 } }], 'InvalidArgument', 'ObjectSizeGreaterThan must be less than ObjectSizeLessThan'],
      [[{ ...base, ID: 'x'.repeat(256), Expiration: { Days: 1 } }], 'InvalidArgument', 'ID length should not exceed allowed limit of 255'],
      [[{ ...base, Expiration: { Days: 1 } }, { ...base, Expiration: { Days: 2 } }], 'InvalidArgument', 'Rule ID must be unique. Found same ID for more than one rule'],
    ];
    for (const [rules, name, message] of cases) {
      expect(await failure(put(rules)), message).toMatchObject({ name, message, status: 400 });
    }
    expect(await failure(put([{ ...base, Expiration: { Days: 1 } }], 'everything' as TransitionDefaultMinimumObjectSize))).toMatchObject({ name: 'InvalidArgument', status: 400 });
  });

  it('is the owner’s to configure', async () => {
    const other = s3Client(nimbus, OTHER_ACCOUNT);
    expect(await failure(other.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(await failure(other.send(new DeleteBucketLifecycleCommand({ Bucket: bucket })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(await failure(s3Client(nimbus).send(new GetBucketLifecycleConfigurationCommand({ Bucket: 'no-such-bucket-lifecycle' })))).toMatchObject({ name: 'NoSuchBucket', status: 404 });
  });
});
