import { isValidBucketName } from '../domain/bucket-names.js';
import { S3Errors } from '../domain/errors.js';
import { defaultOwnershipControls } from '../domain/ownership.js';
import { bucketRegion } from '../domain/regions.js';
import type { CreateBucketOutput, CreateBucketRequest } from '../generated/types.js';
import type { Ctx } from './common/context.js';

/**
 * Creates a bucket. Names are global across accounts: another account's name is
 * BucketAlreadyExists; the caller's own is BucketAlreadyOwnedByYou, except in us-east-1 where,
 * for legacy compatibility, AWS answers 200 OK.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html
 * ACL headers are accepted and not applied yet; ObjectOwnership is kept as the bucket's
 * ownership controls (BucketOwnerEnforced by default, as AWS does since April 2023).
 */
export async function createBucket(input: CreateBucketRequest, ctx: Ctx): Promise<CreateBucketOutput> {
  const name = input.Bucket;
  if (!isValidBucketName(name)) throw S3Errors.invalidBucketName(name);
  const region = bucketRegion(input.CreateBucketConfiguration?.LocationConstraint, ctx.region);
  const now = ctx.now();
  return ctx.store.transaction(() => {
    const store = ctx.store;
    const existing = store.buckets.get(name);
    if (existing) {
      if (existing.accountId !== ctx.accountId) throw S3Errors.bucketAlreadyExists(name);
      if (existing.region === 'us-east-1' && region === 'us-east-1') return { Location: `/${name}` };
      throw S3Errors.bucketAlreadyOwnedByYou(name);
    }
    const locked = input.ObjectLockEnabledForBucket === true;
    const bucket = store.buckets.insert({
      name,
      accountId: ctx.accountId,
      region,
      createdAt: now,
      versioning: locked ? 'Enabled' : undefined,
      mfaDelete: undefined,
      objectLockEnabled: locked,
    });
    store.configs.put(bucket, 'ownership-controls', input.ObjectOwnership ? { Rules: [{ ObjectOwnership: input.ObjectOwnership }] } : defaultOwnershipControls());
    // New buckets block public access, as AWS's have since April 2023 (a user opens them with
    // PutPublicAccessBlock / DeletePublicAccessBlock).
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/create-bucket-faq.html
    store.configs.put(bucket, 'public-access-block', { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    if (locked) store.configs.put(bucket, 'object-lock', { ObjectLockEnabled: 'Enabled' });
    return { Location: `/${name}` };
  });
}
