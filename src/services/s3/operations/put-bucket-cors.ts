import { validateCorsConfiguration } from '../domain/cors.js';
import type { PutBucketCorsRequest } from '../generated/types.js';
import { putConfig, type Ctx } from './config-bucket.js';

/**
 * Replaces the bucket's CORS configuration.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketCors.html
 */
export function putBucketCors(input: PutBucketCorsRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putConfig(ctx, input, 'cors', () => validateCorsConfiguration(input.CORSConfiguration));
}
