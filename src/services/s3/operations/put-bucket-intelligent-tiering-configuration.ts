import type { IntelligentTieringConfiguration, PutBucketIntelligentTieringConfigurationRequest } from '../generated/types.js';
import type { Ctx } from './config-bucket.js';
import { putKeyed } from './keyed-config.js';

/**
 * Adds or replaces one S3 Intelligent-Tiering archive configuration (stored only; see keyed-config.ts).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketIntelligentTieringConfiguration.html
 */
export function putBucketIntelligentTieringConfiguration(input: PutBucketIntelligentTieringConfigurationRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putKeyed<IntelligentTieringConfiguration>(ctx, input, 'intelligent-tiering', input.IntelligentTieringConfiguration);
}
