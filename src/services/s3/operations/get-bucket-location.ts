import { locationConstraintOf } from '../domain/regions.js';
import type { BucketLocationConstraint, GetBucketLocationOutput, GetBucketLocationRequest } from '../generated/types.js';
import { requireBucket, type Ctx } from './common/context.js';

/**
 * The bucket's Region as a LocationConstraint: empty for us-east-1.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html
 */
export function getBucketLocation(input: GetBucketLocationRequest, ctx: Ctx): GetBucketLocationOutput {
  const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  return { LocationConstraint: locationConstraintOf(bucket.region) as BucketLocationConstraint };
}
