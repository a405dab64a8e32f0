import type { DeleteBucketTaggingRequest } from '../generated/types.js';
import { deleteConfig, type Ctx } from './config-bucket.js';

/**
 * Removes the bucket's tags (204 whether or not it had any).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketTagging.html
 */
export function deleteBucketTagging(input: DeleteBucketTaggingRequest, ctx: Ctx): Promise<Record<string, never>> {
  return deleteConfig(ctx, input, 'tagging');
}
