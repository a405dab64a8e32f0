import type { DeleteBucketEncryptionRequest } from '../generated/types.js';
import { deleteConfig, type Ctx } from './config-bucket.js';

/**
 * Resets the bucket's default encryption to SSE-S3 (AES256).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketEncryption.html
 */
export function deleteBucketEncryption(input: DeleteBucketEncryptionRequest, ctx: Ctx): Promise<Record<string, never>> {
  return deleteConfig(ctx, input, 'encryption');
}
