import { attributesOutput, checkPartsPage, requestedAttributes } from '../domain/attributes.js';
import { checkReadKey } from '../domain/object-encryption.js';
import type { GetObjectAttributesOutput, GetObjectAttributesRequest } from '../generated/types.js';
import type { Ctx } from './common/context.js';
import { answeredVersionId, readSubject } from './object-subresource.js';

/**
 * The attributes `x-amz-object-attributes` names (ETag, Checksum, ObjectParts, StorageClass,
 * ObjectSize) of an object version, with Last-Modified and the version id, without its bytes.
 * An SSE-C object needs its key, as GetObject does. A current delete marker is NoSuchKey with
 * `x-amz-delete-marker: true`; one named by versionId is MethodNotAllowed.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectAttributes.html
 */
export function getObjectAttributes(input: GetObjectAttributesRequest, ctx: Ctx): GetObjectAttributesOutput {
  const wanted = requestedAttributes(input.ObjectAttributes);
  checkPartsPage(input);
  const subject = readSubject(ctx, input, 'GET', 'no-such-key');
  const { record } = subject;
  checkReadKey(record.attributes.customerKey, input);
  return {
    LastModified: record.lastModified,
    VersionId: answeredVersionId(subject),
    ...attributesOutput(record, wanted, () => ctx.store.objects.parts(record), input),
  };
}
