import type { InventoryConfiguration, GetBucketInventoryConfigurationOutput, GetBucketInventoryConfigurationRequest } from '../generated/types.js';
import type { Ctx } from './config-bucket.js';
import { getKeyed } from './keyed-config.js';

/**
 * One S3 Inventory configuration by Id; NoSuchConfiguration when there is none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketInventoryConfiguration.html
 */
export function getBucketInventoryConfiguration(input: GetBucketInventoryConfigurationRequest, ctx: Ctx): GetBucketInventoryConfigurationOutput {
  return { InventoryConfiguration: getKeyed<InventoryConfiguration>(ctx, input, 'inventory') };
}
