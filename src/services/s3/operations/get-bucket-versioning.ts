import type { GetBucketVersioningOutput, GetBucketVersioningRequest } from '../generated/types.js';
import { requireBucket, type Ctx } from './common/context.js';

/**
 * The versioning state: nothing for a bucket whose versioning was never configured, else Status
 * (and MFADelete once it has been set).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketVersioning.html
 */
export function getBucketVersioning(input: GetBucketVersioningRequest, ctx: Ctx): GetBucketVersioningOutput {
  const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  return { Status: bucket.versioning, MFADelete: bucket.mfaDelete };
}
