import type { DeleteBucketAnalyticsConfigurationRequest } from '../generated/types.js';
import type { Ctx } from './config-bucket.js';
import { deleteKeyed } from './keyed-config.js';

/**
 * Removes one S3 Storage Class Analysis configuration by Id; NoSuchConfiguration when there is none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketAnalyticsConfiguration.html
 */
export function deleteBucketAnalyticsConfiguration(input: DeleteBucketAnalyticsConfigurationRequest, ctx: Ctx): Promise<Record<string, never>> {
  return deleteKeyed(ctx, input, 'analytics');
}
