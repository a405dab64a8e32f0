import { ConfigErrors } from '../domain/errors-config.js';
import { validateObjectLockConfiguration } from '../domain/bucket-object-lock.js';
import type { PutObjectLockConfigurationOutput, PutObjectLockConfigurationRequest } from '../generated/types.js';
import { callerBucket, type Ctx } from './config-bucket.js';

/**
 * Sets the bucket's Object Lock default retention. A bucket created without Object Lock gets it
 * turned on here, provided versioning is Enabled (AWS allows this since November 2023); Object
 * Lock can never be turned off again.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectLockConfiguration.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-configure.html
 */
export function putObjectLockConfiguration(input: PutObjectLockConfigurationRequest, ctx: Ctx): Promise<PutObjectLockConfigurationOutput> {
  return ctx.store.transaction(() => {
    const bucket = callerBucket(ctx, input);
    const stored = validateObjectLockConfiguration(input.ObjectLockConfiguration);
    if (!bucket.objectLockEnabled) {
      if (bucket.versioning !== 'Enabled') throw ConfigErrors.invalidBucketState("Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration");
      ctx.store.buckets.setObjectLockEnabled(bucket);
    }
    ctx.store.configs.put(bucket, 'object-lock', stored);
    return {};
  });
}
