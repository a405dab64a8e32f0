import type { GetObjectTaggingOutput, GetObjectTaggingRequest } from '../generated/types.js';
import type { Ctx } from './common/context.js';
import { answeredVersionId, readSubject } from './object-subresource.js';

/**
 * The tag set of an object version; an empty TagSet when it has none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectTagging.html
 */
export function getObjectTagging(input: GetObjectTaggingRequest, ctx: Ctx): GetObjectTaggingOutput {
  const subject = readSubject(ctx, input, 'GET', 'method-not-allowed');
  return { VersionId: answeredVersionId(subject), TagSet: subject.record.attributes.tags ?? [] };
}
