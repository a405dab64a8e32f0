import { S3Errors } from '../domain/errors.js';
import type { GetBucketTaggingOutput, GetBucketTaggingRequest, Tagging } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';

/**
 * The bucket's tag set; NoSuchTagSet when it has none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketTagging.html
 */
export function getBucketTagging(input: GetBucketTaggingRequest, ctx: Ctx): GetBucketTaggingOutput {
  const { config } = readConfig<Tagging>(ctx, input, 'tagging');
  if (!config || config.TagSet.length === 0) throw S3Errors.notConfigured('NoSuchTagSet', input.Bucket);
  return { TagSet: config.TagSet };
}
