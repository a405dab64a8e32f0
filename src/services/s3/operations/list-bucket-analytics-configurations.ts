import type { AnalyticsConfiguration, ListBucketAnalyticsConfigurationsOutput, ListBucketAnalyticsConfigurationsRequest } from '../generated/types.js';
import type { Ctx } from './config-bucket.js';
import { listKeyed } from './keyed-config.js';

/**
 * The bucket's S3 Storage Class Analysis configurations in Id order, 100 a page.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBucketAnalyticsConfigurations.html
 */
export function listBucketAnalyticsConfigurations(input: ListBucketAnalyticsConfigurationsRequest, ctx: Ctx): ListBucketAnalyticsConfigurationsOutput {
  const page = listKeyed<AnalyticsConfiguration>(ctx, input, 'analytics');
  return { AnalyticsConfigurationList: page.items, IsTruncated: page.IsTruncated, ContinuationToken: input.ContinuationToken, NextContinuationToken: page.NextContinuationToken };
}
