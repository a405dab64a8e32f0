import { S3Errors } from '../domain/errors.js';
import { validateBucketTagSet } from '../domain/tagging.js';
import type { PutBucketTaggingRequest, Tagging } from '../generated/types.js';
import { putConfig, type Ctx } from './config-bucket.js';

/**
 * Replaces the bucket's tag set.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketTagging.html
 */
export function putBucketTagging(input: PutBucketTaggingRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putConfig(ctx, input, 'tagging', (): Tagging => {
    const tagSet = input.Tagging?.TagSet;
    if (!tagSet) throw S3Errors.malformedXml();
    return { TagSet: validateBucketTagSet(tagSet) };
  });
}
