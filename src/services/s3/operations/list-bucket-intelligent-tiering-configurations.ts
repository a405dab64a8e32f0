import type { IntelligentTieringConfiguration, ListBucketIntelligentTieringConfigurationsOutput, ListBucketIntelligentTieringConfigurationsRequest } from '../generated/types.js';
import type { Ctx } from './config-bucket.js';
import { listKeyed } from './keyed-config.js';

/**
 * The bucket's S3 Intelligent-Tiering archive configurations in Id order, 100 a page.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBucketIntelligentTieringConfigurations.html
 */
export function listBucketIntelligentTieringConfigurations(input: ListBucketIntelligentTieringConfigurationsRequest, ctx: Ctx): ListBucketIntelligentTieringConfigurationsOutput {
  const page = listKeyed<IntelligentTieringConfiguration>(ctx, input, 'intelligent-tiering');
  return { IntelligentTieringConfigurationList: page.items, IsTruncated: page.IsTruncated, ContinuationToken: input.ContinuationToken, NextContinuationToken: page.NextContinuationToken };
}
