import { ConfigErrors } from '../domain/errors-config.js';
import { S3Errors } from '../domain/errors.js';
import type { BucketLoggingStatus, PutBucketLoggingRequest } from '../generated/types.js';
import { callerBucket, type Ctx } from './config-bucket.js';

/**
 * Turns server access logging on (LoggingEnabled) or off (an empty BucketLoggingStatus). The
 * target bucket must exist, belong to the same account and be in the same region, as AWS
 * requires. Stored only: Nimbus writes no access log objects yet.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLogging.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
 */
export function putBucketLogging(input: PutBucketLoggingRequest, ctx: Ctx): Promise<Record<string, never>> {
  return ctx.store.transaction(() => {
    const bucket = callerBucket(ctx, input);
    const status: BucketLoggingStatus | undefined = input.BucketLoggingStatus;
    if (!status) throw S3Errors.malformedXml();
    const logging = status.LoggingEnabled;
    if (!logging) {
      ctx.store.configs.delete(bucket, 'logging');
      return {};
    }
    if (!logging.TargetBucket || logging.TargetPrefix === undefined) throw S3Errors.malformedXml();
    const target = ctx.store.buckets.get(logging.TargetBucket);
    if (!target) throw ConfigErrors.invalidLoggingTarget('The target bucket for logging does not exist', logging.TargetBucket);
    if (target.accountId !== bucket.accountId) {
      throw ConfigErrors.invalidLoggingTarget('The owner for the bucket to be logged and the target bucket must be the same.', logging.TargetBucket);
    }
    if (target.region !== bucket.region) throw ConfigErrors.crossLocationLogging(bucket.region, target.region);
    ctx.store.configs.put(bucket, 'logging', { LoggingEnabled: logging } satisfies BucketLoggingStatus);
    return {};
  });
}
