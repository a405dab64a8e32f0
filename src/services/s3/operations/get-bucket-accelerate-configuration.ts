import type { AccelerateConfiguration, GetBucketAccelerateConfigurationOutput, GetBucketAccelerateConfigurationRequest } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';

/**
 * The bucket's Transfer Acceleration status; no Status at all when it was never set.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketAccelerateConfiguration.html
 */
export function getBucketAccelerateConfiguration(input: GetBucketAccelerateConfigurationRequest, ctx: Ctx): GetBucketAccelerateConfigurationOutput {
  const { config } = readConfig<AccelerateConfiguration>(ctx, input, 'accelerate');
  return config?.Status ? { Status: config.Status } : {};
}
