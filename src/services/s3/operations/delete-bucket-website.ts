import type { DeleteBucketWebsiteRequest } from '../generated/types.js';
import { deleteConfig, type Ctx } from './config-bucket.js';

/**
 * Removes the bucket's website configuration (204 whether or not it had one).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketWebsite.html
 */
export function deleteBucketWebsite(input: DeleteBucketWebsiteRequest, ctx: Ctx): Promise<Record<string, never>> {
  return deleteConfig(ctx, input, 'website');
}
