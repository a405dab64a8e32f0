import { S3Errors } from '../domain/errors.js';
import type { GetBucketOwnershipControlsOutput, GetBucketOwnershipControlsRequest, OwnershipControls } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';

/**
 * The bucket's Object Ownership (CreateBucket stores BucketOwnerEnforced, as AWS does);
 * OwnershipControlsNotFoundError once they have been deleted.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketOwnershipControls.html
 */
export function getBucketOwnershipControls(input: GetBucketOwnershipControlsRequest, ctx: Ctx): GetBucketOwnershipControlsOutput {
  const { config } = readConfig<OwnershipControls>(ctx, input, 'ownership-controls');
  if (!config) throw S3Errors.notConfigured('OwnershipControlsNotFoundError', input.Bucket);
  return { OwnershipControls: config };
}
