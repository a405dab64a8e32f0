import type { DeletePublicAccessBlockRequest } from '../generated/types.js';
import { deleteConfig, type Ctx } from './config-bucket.js';

/**
 * Removes the bucket's Block Public Access settings (204 whether or not it had any).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeletePublicAccessBlock.html
 */
export function deletePublicAccessBlock(input: DeletePublicAccessBlockRequest, ctx: Ctx): Promise<Record<string, never>> {
  return deleteConfig(ctx, input, 'public-access-block');
}
