import type { DeleteBucketPolicyRequest } from '../generated/types.js';
import { deleteConfig, type Ctx } from './config-bucket.js';

/**
 * Removes the bucket policy (204 whether or not there was one).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketPolicy.html
 */
export function deleteBucketPolicy(input: DeleteBucketPolicyRequest, ctx: Ctx): Promise<Record<string, never>> {
  return deleteConfig(ctx, input, 'policy');
}
