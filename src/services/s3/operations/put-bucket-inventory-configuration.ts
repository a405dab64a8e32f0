import type { InventoryConfiguration, PutBucketInventoryConfigurationRequest } from '../generated/types.js';
import type { Ctx } from './config-bucket.js';
import { putKeyed } from './keyed-config.js';

/**
 * Adds or replaces one S3 Inventory configuration (stored only; see keyed-config.ts).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketInventoryConfiguration.html
 */
export function putBucketInventoryConfiguration(input: PutBucketInventoryConfigurationRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putKeyed<InventoryConfiguration>(ctx, input, 'inventory', input.InventoryConfiguration);
}
