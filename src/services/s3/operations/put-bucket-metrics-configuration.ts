import type { MetricsConfiguration, PutBucketMetricsConfigurationRequest } from '../generated/types.js';
import type { Ctx } from './config-bucket.js';
import { putKeyed } from './keyed-config.js';

/**
 * Adds or replaces one CloudWatch request metrics configuration (stored only; see keyed-config.ts).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketMetricsConfiguration.html
 */
export function putBucketMetricsConfiguration(input: PutBucketMetricsConfigurationRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putKeyed<MetricsConfiguration>(ctx, input, 'metrics', input.MetricsConfiguration);
}
