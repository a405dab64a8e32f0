import { normalizePublicAccessBlock } from '../domain/public-access-block.js';
import type { PutPublicAccessBlockRequest } from '../generated/types.js';
import { putConfig, type Ctx } from './config-bucket.js';

/**
 * Sets the bucket's four Block Public Access flags (a flag left out is false). Existing policies
 * and ACLs are not changed, as in AWS.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutPublicAccessBlock.html
 */
export function putPublicAccessBlock(input: PutPublicAccessBlockRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putConfig(ctx, input, 'public-access-block', () => normalizePublicAccessBlock(input.PublicAccessBlockConfiguration));
}
