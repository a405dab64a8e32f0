import type { DeleteObjectTaggingOutput, DeleteObjectTaggingRequest } from '../generated/types.js';
import type { Ctx } from './common/context.js';
import { answeredVersionId, updateSubject } from './object-subresource.js';

/**
 * Removes every tag of an object version (204, whether or not it had tags).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjectTagging.html
 */
export async function deleteObjectTagging(input: DeleteObjectTaggingRequest, ctx: Ctx): Promise<DeleteObjectTaggingOutput> {
  const subject = await updateSubject(ctx, input, 'DELETE', 'method-not-allowed', () => ({ tags: undefined }));
  return { VersionId: answeredVersionId(subject) };
}
