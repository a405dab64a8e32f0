import { randomUUID } from 'node:crypto';
import { validateLifecycleConfiguration, validateTransitionMinimumSize, type StoredLifecycle } from '../domain/lifecycle-config.js';
import type { PutBucketLifecycleConfigurationOutput, PutBucketLifecycleConfigurationRequest } from '../generated/types.js';
import { callerBucket, type Ctx } from './config-bucket.js';

/** A rule ID as AWS makes them up: an opaque base64 string. */
export function generatedRuleId(): string {
  return Buffer.from(randomUUID()).toString('base64');
}

/**
 * Replaces the bucket's lifecycle rules, and answers the transition minimum object size in
 * force (`x-amz-transition-default-minimum-object-size`, all_storage_classes_128K unless the
 * request asked for varies_by_storage_class).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLifecycleConfiguration.html
 */
export function putBucketLifecycleConfiguration(input: PutBucketLifecycleConfigurationRequest, ctx: Ctx): Promise<PutBucketLifecycleConfigurationOutput> {
  return ctx.store.transaction(() => {
    const bucket = callerBucket(ctx, input);
    const minimum = validateTransitionMinimumSize(input.TransitionDefaultMinimumObjectSize);
    const stored: StoredLifecycle = { Rules: validateLifecycleConfiguration(input.LifecycleConfiguration, generatedRuleId), TransitionDefaultMinimumObjectSize: minimum };
    ctx.store.configs.put(bucket, 'lifecycle', stored);
    return { TransitionDefaultMinimumObjectSize: minimum };
  });
}
