import type { MetricsConfiguration, GetBucketMetricsConfigurationOutput, GetBucketMetricsConfigurationRequest } from '../generated/types.js';
import type { Ctx } from './config-bucket.js';
import { getKeyed } from './keyed-config.js';

/**
 * One CloudWatch request metrics configuration by Id; NoSuchConfiguration when there is none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketMetricsConfiguration.html
 */
export function getBucketMetricsConfiguration(input: GetBucketMetricsConfigurationRequest, ctx: Ctx): GetBucketMetricsConfigurationOutput {
  return { MetricsConfiguration: getKeyed<MetricsConfiguration>(ctx, input, 'metrics') };
}
