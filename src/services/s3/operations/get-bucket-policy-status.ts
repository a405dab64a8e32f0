import { S3Errors } from '../domain/errors.js';
import { isPublicPolicy } from '../domain/policy-status.js';
import type { GetBucketPolicyStatusOutput, GetBucketPolicyStatusRequest } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';
import type { StoredBucketPolicy } from './put-bucket-policy.js';

/**
 * Whether the bucket policy makes the bucket public (domain/policy-status.ts has the rules);
 * NoSuchBucketPolicy when there is no policy.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicyStatus.html
 */
export function getBucketPolicyStatus(input: GetBucketPolicyStatusRequest, ctx: Ctx): GetBucketPolicyStatusOutput {
  const { config } = readConfig<StoredBucketPolicy>(ctx, input, 'policy');
  if (!config) throw S3Errors.notConfigured('NoSuchBucketPolicy', input.Bucket);
  return { PolicyStatus: { IsPublic: isPublicPolicy(config.text) } };
}
