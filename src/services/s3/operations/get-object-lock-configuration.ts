import { S3Errors } from '../domain/errors.js';
import type { GetObjectLockConfigurationOutput, GetObjectLockConfigurationRequest, ObjectLockConfiguration } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';

/**
 * The bucket's Object Lock configuration (Enabled, with its default retention if one is set);
 * ObjectLockConfigurationNotFoundError for a bucket without Object Lock.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectLockConfiguration.html
 */
export function getObjectLockConfiguration(input: GetObjectLockConfigurationRequest, ctx: Ctx): GetObjectLockConfigurationOutput {
  const { bucket, config } = readConfig<ObjectLockConfiguration>(ctx, input, 'object-lock');
  if (!bucket.objectLockEnabled) throw S3Errors.notConfigured('ObjectLockConfigurationNotFoundError', input.Bucket);
  return { ObjectLockConfiguration: config?.Rule ? { ObjectLockEnabled: 'Enabled', Rule: config.Rule } : { ObjectLockEnabled: 'Enabled' } };
}
