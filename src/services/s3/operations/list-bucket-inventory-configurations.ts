import type { InventoryConfiguration, ListBucketInventoryConfigurationsOutput, ListBucketInventoryConfigurationsRequest } from '../generated/types.js';
import type { Ctx } from './config-bucket.js';
import { listKeyed } from './keyed-config.js';

/**
 * The bucket's S3 Inventory configurations in Id order, 100 a page.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBucketInventoryConfigurations.html
 */
export function listBucketInventoryConfigurations(input: ListBucketInventoryConfigurationsRequest, ctx: Ctx): ListBucketInventoryConfigurationsOutput {
  const page = listKeyed<InventoryConfiguration>(ctx, input, 'inventory');
  return { InventoryConfigurationList: page.items, IsTruncated: page.IsTruncated, ContinuationToken: input.ContinuationToken, NextContinuationToken: page.NextContinuationToken };
}
