import type { BucketLoggingStatus, GetBucketLoggingOutput, GetBucketLoggingRequest } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';

/**
 * The bucket's access logging settings; an empty answer when logging is off.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLogging.html
 */
export function getBucketLogging(input: GetBucketLoggingRequest, ctx: Ctx): GetBucketLoggingOutput {
  const { config } = readConfig<BucketLoggingStatus>(ctx, input, 'logging');
  return config?.LoggingEnabled ? { LoggingEnabled: config.LoggingEnabled } : {};
}
