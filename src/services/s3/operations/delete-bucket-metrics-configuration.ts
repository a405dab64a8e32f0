import type { DeleteBucketMetricsConfigurationRequest } from '../generated/types.js';
import type { Ctx } from './config-bucket.js';
import { deleteKeyed } from './keyed-config.js';

/**
 * Removes one CloudWatch request metrics configuration by Id; NoSuchConfiguration when there is none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketMetricsConfiguration.html
 */
export function deleteBucketMetricsConfiguration(input: DeleteBucketMetricsConfigurationRequest, ctx: Ctx): Promise<Record<string, never>> {
  return deleteKeyed(ctx, input, 'metrics');
}
