import { DEFAULT_TRANSITION_MINIMUM_SIZE, validateLifecycleConfiguration, type StoredLifecycle } from '../domain/lifecycle-config.js';
import { S3Errors } from '../domain/errors.js';
import type { LifecycleRule, PutBucketLifecycleRequest } from '../generated/types.js';
import { putConfig, type Ctx } from './config-bucket.js';
import { generatedRuleId } from './put-bucket-lifecycle-configuration.js';

/**
 * The deprecated form (rules select objects by Prefix only, one transition each), stored as the
 * same document PutBucketLifecycleConfiguration writes.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLifecycle.html
 */
export function putBucketLifecycle(input: PutBucketLifecycleRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putConfig(ctx, input, 'lifecycle', (): StoredLifecycle => {
    const rules = input.LifecycleConfiguration?.Rules;
    if (!rules) throw S3Errors.malformedXml();
    const modern = rules.map((r): LifecycleRule => {
      if (r.Prefix === undefined) throw S3Errors.malformedXml();
      return {
        ID: r.ID,
        Prefix: r.Prefix,
        Status: r.Status,
        Expiration: r.Expiration,
        Transitions: r.Transition ? [r.Transition] : undefined,
        NoncurrentVersionTransitions: r.NoncurrentVersionTransition ? [r.NoncurrentVersionTransition] : undefined,
        NoncurrentVersionExpiration: r.NoncurrentVersionExpiration,
        AbortIncompleteMultipartUpload: r.AbortIncompleteMultipartUpload,
      };
    });
    return { Rules: validateLifecycleConfiguration({ Rules: modern }, generatedRuleId), TransitionDefaultMinimumObjectSize: DEFAULT_TRANSITION_MINIMUM_SIZE };
  });
}
