import { randomUUID } from 'node:crypto';
import { validateNotificationConfiguration } from '../domain/notification.js';
import type { PutBucketNotificationConfigurationRequest } from '../generated/types.js';
import { putConfig, type Ctx } from './config-bucket.js';

/**
 * Replaces the bucket's event notification configuration (an empty one turns notifications off).
 * Destinations are stored without being checked; see domain/notification.ts.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketNotificationConfiguration.html
 */
export function putBucketNotificationConfiguration(input: PutBucketNotificationConfigurationRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putConfig(ctx, input, 'notification', () => validateNotificationConfiguration(input.NotificationConfiguration, randomUUID));
}
