import { S3Errors } from '../domain/errors.js';
import { checkObjectTags } from '../domain/tags.js';
import type { PutObjectTaggingOutput, PutObjectTaggingRequest } from '../generated/types.js';
import type { Ctx } from './common/context.js';
import { answeredVersionId, subjectBucket, updateSubject } from './object-subresource.js';

/**
 * Replaces the tag set of an object version (the current one, or `versionId`): at most 10 tags
 * (BadRequest "Object tags cannot be greater than 10"), S3's key and value rules (InvalidTag),
 * no key twice. An empty TagSet removes every tag. The version is not rewritten.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectTagging.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html
 */
export async function putObjectTagging(input: PutObjectTaggingRequest, ctx: Ctx): Promise<PutObjectTaggingOutput> {
  subjectBucket(ctx, input);
  const tagSet = input.Tagging?.TagSet;
  if (!tagSet) throw S3Errors.malformedXml();
  const tags = checkObjectTags(tagSet);
  const subject = await updateSubject(ctx, input, 'PUT', 'method-not-allowed', () => ({ tags: tags.length ? tags : undefined }));
  return { VersionId: answeredVersionId(subject) };
}
