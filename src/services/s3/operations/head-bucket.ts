import type { HeadBucketOutput, HeadBucketRequest } from '../generated/types.js';
import { requireBucket, type Ctx } from './common/context.js';

/**
 * Whether the bucket exists (HEAD: errors are bare status codes), with its Region in
 * `x-amz-bucket-region`.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html
 */
export function headBucket(input: HeadBucketRequest, ctx: Ctx): HeadBucketOutput {
  const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  return { BucketRegion: bucket.region, AccessPointAlias: false };
}
