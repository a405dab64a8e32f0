import type { DeleteBucketInventoryConfigurationRequest } from '../generated/types.js';
import type { Ctx } from './config-bucket.js';
import { deleteKeyed } from './keyed-config.js';

/**
 * Removes one S3 Inventory configuration by Id; NoSuchConfiguration when there is none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketInventoryConfiguration.html
 */
export function deleteBucketInventoryConfiguration(input: DeleteBucketInventoryConfigurationRequest, ctx: Ctx): Promise<Record<string, never>> {
  return deleteKeyed(ctx, input, 'inventory');
}
