import { S3Errors } from '../domain/errors.js';
import { reviveLifecycle, type StoredLifecycle } from '../domain/lifecycle-config.js';
import type { GetBucketLifecycleConfigurationOutput, GetBucketLifecycleConfigurationRequest } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';

/**
 * The bucket's lifecycle rules (with the IDs generated for rules put without one);
 * NoSuchLifecycleConfiguration when it has none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLifecycleConfiguration.html
 */
export function getBucketLifecycleConfiguration(input: GetBucketLifecycleConfigurationRequest, ctx: Ctx): GetBucketLifecycleConfigurationOutput {
  const { config: stored } = readConfig<StoredLifecycle>(ctx, input, 'lifecycle');
  if (!stored) throw S3Errors.notConfigured('NoSuchLifecycleConfiguration', input.Bucket);
  const config = reviveLifecycle(stored);
  return { Rules: config.Rules, TransitionDefaultMinimumObjectSize: config.TransitionDefaultMinimumObjectSize };
}
