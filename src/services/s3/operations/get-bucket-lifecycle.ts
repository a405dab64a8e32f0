import { S3Errors } from '../domain/errors.js';
import { reviveLifecycle, type StoredLifecycle } from '../domain/lifecycle-config.js';
import type { GetBucketLifecycleOutput, GetBucketLifecycleRequest, Rule } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';

/**
 * The deprecated form of GetBucketLifecycleConfiguration: each rule with a Prefix (a filter's
 * prefix, or none) and its first transition of each kind.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLifecycle.html
 */
export function getBucketLifecycle(input: GetBucketLifecycleRequest, ctx: Ctx): GetBucketLifecycleOutput {
  const { config: stored } = readConfig<StoredLifecycle>(ctx, input, 'lifecycle');
  if (!stored) throw S3Errors.notConfigured('NoSuchLifecycleConfiguration', input.Bucket);
  const config = reviveLifecycle(stored);
  return {
    Rules: config.Rules.map(
      (r): Rule => ({
        ID: r.ID,
        Prefix: r.Prefix ?? r.Filter?.Prefix ?? r.Filter?.And?.Prefix ?? '',
        Status: r.Status,
        Expiration: r.Expiration,
        Transition: r.Transitions?.[0],
        NoncurrentVersionTransition: r.NoncurrentVersionTransitions?.[0],
        NoncurrentVersionExpiration: r.NoncurrentVersionExpiration,
        AbortIncompleteMultipartUpload: r.AbortIncompleteMultipartUpload,
      }),
    ),
  };
}
