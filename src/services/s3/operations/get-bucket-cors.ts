import { S3Errors } from '../domain/errors.js';
import type { CORSConfiguration, GetBucketCorsOutput, GetBucketCorsRequest } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';

/**
 * The bucket's CORS rules, in the order they were put; NoSuchCORSConfiguration when it has none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketCors.html
 */
export function getBucketCors(input: GetBucketCorsRequest, ctx: Ctx): GetBucketCorsOutput {
  const { config } = readConfig<CORSConfiguration>(ctx, input, 'cors');
  if (!config) throw S3Errors.notConfigured('NoSuchCORSConfiguration', input.Bucket);
  return { CORSRules: config.CORSRules };
}
