import type { GetBucketNotificationConfigurationRequest, NotificationConfiguration } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';

/**
 * The bucket's event notification configuration (empty when none is set; AWS has no "not found"
 * error for it).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketNotificationConfiguration.html
 */
export function getBucketNotificationConfiguration(input: GetBucketNotificationConfigurationRequest, ctx: Ctx): NotificationConfiguration {
  const { config } = readConfig<NotificationConfiguration>(ctx, input, 'notification');
  return config ?? {};
}
