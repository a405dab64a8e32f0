import type { AnalyticsConfiguration, PutBucketAnalyticsConfigurationRequest } from '../generated/types.js';
import type { Ctx } from './config-bucket.js';
import { putKeyed } from './keyed-config.js';

/**
 * Adds or replaces one S3 Storage Class Analysis configuration (stored only; see keyed-config.ts).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketAnalyticsConfiguration.html
 */
export function putBucketAnalyticsConfiguration(input: PutBucketAnalyticsConfigurationRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putKeyed<AnalyticsConfiguration>(ctx, input, 'analytics', input.AnalyticsConfiguration);
}
