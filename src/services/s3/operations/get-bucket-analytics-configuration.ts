import type { AnalyticsConfiguration, GetBucketAnalyticsConfigurationOutput, GetBucketAnalyticsConfigurationRequest } from '../generated/types.js';
import type { Ctx } from './config-bucket.js';
import { getKeyed } from './keyed-config.js';

/**
 * One S3 Storage Class Analysis configuration by Id; NoSuchConfiguration when there is none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketAnalyticsConfiguration.html
 */
export function getBucketAnalyticsConfiguration(input: GetBucketAnalyticsConfigurationRequest, ctx: Ctx): GetBucketAnalyticsConfigurationOutput {
  return { AnalyticsConfiguration: getKeyed<AnalyticsConfiguration>(ctx, input, 'analytics') };
}
