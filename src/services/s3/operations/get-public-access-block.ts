import { S3Errors } from '../domain/errors.js';
import type { PublicAccessBlock } from '../domain/public-access-block.js';
import type { GetPublicAccessBlockOutput, GetPublicAccessBlockRequest } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';

/**
 * The bucket's Block Public Access flags; NoSuchPublicAccessBlockConfiguration when none are set.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetPublicAccessBlock.html
 */
export function getPublicAccessBlock(input: GetPublicAccessBlockRequest, ctx: Ctx): GetPublicAccessBlockOutput {
  const { config } = readConfig<PublicAccessBlock>(ctx, input, 'public-access-block');
  if (!config) throw S3Errors.notConfigured('NoSuchPublicAccessBlockConfiguration', input.Bucket);
  return { PublicAccessBlockConfiguration: config };
}
