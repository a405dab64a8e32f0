import type { MetricsConfiguration, ListBucketMetricsConfigurationsOutput, ListBucketMetricsConfigurationsRequest } from '../generated/types.js';
import type { Ctx } from './config-bucket.js';
import { listKeyed } from './keyed-config.js';

/**
 * The bucket's CloudWatch request metrics configurations in Id order, 100 a page.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBucketMetricsConfigurations.html
 */
export function listBucketMetricsConfigurations(input: ListBucketMetricsConfigurationsRequest, ctx: Ctx): ListBucketMetricsConfigurationsOutput {
  const page = listKeyed<MetricsConfiguration>(ctx, input, 'metrics');
  return { MetricsConfigurationList: page.items, IsTruncated: page.IsTruncated, ContinuationToken: input.ContinuationToken, NextContinuationToken: page.NextContinuationToken };
}
