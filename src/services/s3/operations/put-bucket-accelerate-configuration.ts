import { S3Errors } from '../domain/errors.js';
import type { AccelerateConfiguration, PutBucketAccelerateConfigurationRequest } from '../generated/types.js';
import { putConfig, type Ctx } from './config-bucket.js';

/**
 * Turns Transfer Acceleration on (Enabled) or off (Suspended). Stored only: Nimbus serves every
 * request from the same endpoint. Buckets with dots in their names cannot use it, as in AWS.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketAccelerateConfiguration.html
 */
export function putBucketAccelerateConfiguration(input: PutBucketAccelerateConfigurationRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putConfig(ctx, input, 'accelerate', (bucket): AccelerateConfiguration => {
    const status = input.AccelerateConfiguration?.Status;
    if (status !== 'Enabled' && status !== 'Suspended') throw S3Errors.malformedXml();
    if (bucket.name.includes('.')) throw S3Errors.invalidRequest('S3 Transfer Acceleration is not supported for buckets with periods (.) in their names');
    return { Status: status };
  });
}
