import { S3Errors } from '../domain/errors.js';
import type { GetBucketWebsiteOutput, GetBucketWebsiteRequest, WebsiteConfiguration } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';

/**
 * The bucket's website configuration; NoSuchWebsiteConfiguration when it has none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketWebsite.html
 */
export function getBucketWebsite(input: GetBucketWebsiteRequest, ctx: Ctx): GetBucketWebsiteOutput {
  const { config } = readConfig<WebsiteConfiguration>(ctx, input, 'website');
  if (!config) throw S3Errors.notConfigured('NoSuchWebsiteConfiguration', input.Bucket);
  return config;
}
