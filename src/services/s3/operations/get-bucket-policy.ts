import { S3Errors } from '../domain/errors.js';
import type { GetBucketPolicyOutput, GetBucketPolicyRequest } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';
import type { StoredBucketPolicy } from './put-bucket-policy.js';

/**
 * The bucket policy, byte for byte as it was put; NoSuchBucketPolicy when there is none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicy.html
 */
export function getBucketPolicy(input: GetBucketPolicyRequest, ctx: Ctx): GetBucketPolicyOutput {
  const { config } = readConfig<StoredBucketPolicy>(ctx, input, 'policy');
  if (!config) throw S3Errors.notConfigured('NoSuchBucketPolicy', input.Bucket);
  return { Policy: config.text };
}
