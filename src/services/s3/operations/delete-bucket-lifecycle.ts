import type { DeleteBucketLifecycleRequest } from '../generated/types.js';
import { deleteConfig, type Ctx } from './config-bucket.js';

/**
 * Removes the bucket's lifecycle rules (204 whether or not it had any).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketLifecycle.html
 */
export function deleteBucketLifecycle(input: DeleteBucketLifecycleRequest, ctx: Ctx): Promise<Record<string, never>> {
  return deleteConfig(ctx, input, 'lifecycle');
}
