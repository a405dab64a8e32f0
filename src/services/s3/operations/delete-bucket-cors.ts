import type { DeleteBucketCorsRequest } from '../generated/types.js';
import { deleteConfig, type Ctx } from './config-bucket.js';

/**
 * Removes the bucket's CORS configuration (204 whether or not it had one).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketCors.html
 */
export function deleteBucketCors(input: DeleteBucketCorsRequest, ctx: Ctx): Promise<Record<string, never>> {
  return deleteConfig(ctx, input, 'cors');
}
