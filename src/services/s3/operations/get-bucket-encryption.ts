import { effectiveBucketEncryption } from '../domain/bucket-encryption.js';
import type { GetBucketEncryptionOutput, GetBucketEncryptionRequest, ServerSideEncryptionConfiguration } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';

/**
 * The bucket's default encryption: the configuration put, else SSE-S3 (AES256), which AWS applies
 * to every bucket.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketEncryption.html
 */
export function getBucketEncryption(input: GetBucketEncryptionRequest, ctx: Ctx): GetBucketEncryptionOutput {
  const { config } = readConfig<ServerSideEncryptionConfiguration>(ctx, input, 'encryption');
  return { ServerSideEncryptionConfiguration: effectiveBucketEncryption(config) };
}
