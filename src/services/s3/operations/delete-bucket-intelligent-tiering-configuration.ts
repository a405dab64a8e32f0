import type { DeleteBucketIntelligentTieringConfigurationRequest } from '../generated/types.js';
import type { Ctx } from './config-bucket.js';
import { deleteKeyed } from './keyed-config.js';

/**
 * Removes one S3 Intelligent-Tiering archive configuration by Id; NoSuchConfiguration when there is none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketIntelligentTieringConfiguration.html
 */
export function deleteBucketIntelligentTieringConfiguration(input: DeleteBucketIntelligentTieringConfigurationRequest, ctx: Ctx): Promise<Record<string, never>> {
  return deleteKeyed(ctx, input, 'intelligent-tiering');
}
