import type { HeadObjectOutput, HeadObjectRequest } from '../generated/types.js';
import type { Ctx } from './common/context.js';
import { readAnswer, readTarget } from './common/read-object.js';

/**
 * GetObject's headers without the body. Errors travel as bare status codes (a HEAD answer has
 * no body), as S3's do.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html
 */
export function headObject(input: HeadObjectRequest, ctx: Ctx): HeadObjectOutput {
  return readAnswer(ctx, readTarget(ctx, input, 'HEAD'), input);
}
