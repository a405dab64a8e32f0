import { validateBucketEncryption } from '../domain/bucket-encryption.js';
import type { PutBucketEncryptionRequest } from '../generated/types.js';
import { putConfig, type Ctx } from './config-bucket.js';

/**
 * Sets the bucket's default encryption (echoed back by GetBucketEncryption; bytes are stored as
 * they come).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketEncryption.html
 */
export function putBucketEncryption(input: PutBucketEncryptionRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putConfig(ctx, input, 'encryption', () => validateBucketEncryption(input.ServerSideEncryptionConfiguration));
}
