import { DeleteBucketTaggingCommand, GetBucketTaggingCommand, PutBucketTaggingCommand, type Tag } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { failure, newBucket, OTHER_ACCOUNT, s3Client } from './helpers.js';

const nimbus = useNimbus();
let bucket: string;

beforeAll(async () => {
  bucket = await newBucket(nimbus, 'tagging');
});

const put = (TagSet: Tag[], Bucket = bucket) => s3Client(nimbus).send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet } }));

describe('S3 bucket tagging', () => {
  it('puts, replaces, reads and deletes the tag set', async () => {
    const s3 = s3Client(nimbus);
    await put([{ Key: 'env', Value: 'dev' }, { Key: 'team', Value: '' }, { Key: 'Unicode é 1+2=3 a.b_c:d/e@f', Value: 'ok' }]);
    expect((await s3.send(new GetBucketTaggingCommand({ Bucket: bucket }))).TagSet).toEqual([
      { Key: 'env', Value: 'dev' },
      { Key: 'team', Value: '' },
      { Key: 'Unicode é 1+2=3 a.b_c:d/e@f', Value: 'ok' },
    ]);
    await put([{ Key: 'only', Value: 'this' }]);
    expect((await s3.send(new GetBucketTaggingCommand({ Bucket: bucket }))).TagSet).toEqual([{ Key: 'only', Value: 'this' }]);
    const deleted = await s3.send(new DeleteBucketTaggingCommand({ Bucket: bucket }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(await failure(s3.send(new GetBucketTaggingCommand({ Bucket: bucket })))).toEqual({
      name: 'NoSuchTagSet',
      message: 'The TagSet does not exist',
      status: 404,
      fields: { BucketName: bucket },
    });
  });

  it('accepts 50 tags and refuses 51', async () => {
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: `v${i}` }));
    await put(tags.slice(0, 50));
    expect(await failure(put(tags))).toMatchObject({ name: 'BadRequest', message: 'Bucket tag count cannot be greater than 50', status: 400 });
  });

  it('refuses bad keys and values with InvalidTag', async () => {
    const cases: [Tag[], string, Record<string, unknown>][] = [
      [[{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }], 'Cannot provide multiple Tags with the same key', { TagKey: 'a' }],
      [[{ Key: 'k'.repeat(129), Value: 'v' }], 'The TagKey you have provided is invalid', { TagKey: 'k'.repeat(129) }],
      [[{ Key: '', Value: 'v' }], 'The TagKey you have provided is invalid', {}],
      [[{ Key: 'bad#key', Value: 'v' }], 'The TagKey you have provided is invalid', { TagKey: 'bad#key' }],
      [[{ Key: 'k', Value: 'v'.repeat(257) }], 'The TagValue you have provided is invalid', { TagKey: 'k', TagValue: 'v'.repeat(257) }],
      [[{ Key: 'aws:cloudformation:stack-name', Value: 'x' }], 'System tags cannot be added/updated by requester', {}],
      [[{ Key: 'AWS:thing', Value: 'x' }], 'Invalid Tag. Tags cannot start with "aws:"(case insensitive) unless they are System Tags that start with "aws:"(case sensitive)', {}],
    ];
    for (const [tags, message, fields] of cases) {
      const f = await failure(put(tags));
      expect(f, message).toMatchObject({ name: 'InvalidTag', message, status: 400 });
      expect(f.fields).toMatchObject(fields);
    }
    await put([{ Key: 'k'.repeat(128), Value: 'v'.repeat(256) }]);
  });

  it('answers NoSuchBucket for a missing bucket and AccessDenied to another account', async () => {
    expect(await failure(put([], 'no-such-bucket-tagging'))).toEqual({
      name: 'NoSuchBucket',
      message: 'The specified bucket does not exist',
      status: 404,
      fields: { BucketName: 'no-such-bucket-tagging' },
    });
    const other = s3Client(nimbus, OTHER_ACCOUNT);
    expect(await failure(other.send(new GetBucketTaggingCommand({ Bucket: bucket })))).toMatchObject({ name: 'AccessDenied', message: 'Access Denied', status: 403 });
    expect(await failure(other.send(new DeleteBucketTaggingCommand({ Bucket: bucket })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(await failure(s3Client(nimbus).send(new GetBucketTaggingCommand({ Bucket: bucket, ExpectedBucketOwner: OTHER_ACCOUNT })))).toMatchObject({
      name: 'AccessDenied',
      status: 403,
    });
  });
});
