import { validateWebsiteConfiguration } from '../domain/website-config.js';
import type { PutBucketWebsiteRequest } from '../generated/types.js';
import { putConfig, type Ctx } from './config-bucket.js';

/**
 * Replaces the bucket's website configuration.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketWebsite.html
 */
export function putBucketWebsite(input: PutBucketWebsiteRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putConfig(ctx, input, 'website', () => validateWebsiteConfiguration(input.WebsiteConfiguration));
}
