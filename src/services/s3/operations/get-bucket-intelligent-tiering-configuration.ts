import type { IntelligentTieringConfiguration, GetBucketIntelligentTieringConfigurationOutput, GetBucketIntelligentTieringConfigurationRequest } from '../generated/types.js';
import type { Ctx } from './config-bucket.js';
import { getKeyed } from './keyed-config.js';

/**
 * One S3 Intelligent-Tiering archive configuration by Id; NoSuchConfiguration when there is none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketIntelligentTieringConfiguration.html
 */
export function getBucketIntelligentTieringConfiguration(input: GetBucketIntelligentTieringConfigurationRequest, ctx: Ctx): GetBucketIntelligentTieringConfigurationOutput {
  return { IntelligentTieringConfiguration: getKeyed<IntelligentTieringConfiguration>(ctx, input, 'intelligent-tiering') };
}
