import { CoreErrors } from '../domain/errors-core.js';
import { checkPartNumber } from '../domain/multipart.js';
import { encryptionOutput } from '../domain/object-encryption.js';
import { parseCopySourceRange, type ByteRange } from '../domain/ranges.js';
import { visibleVersionId } from '../domain/versions.js';
import type { UploadPartCopyOutput, UploadPartCopyRequest } from '../generated/types.js';
import { requireBucket, type Ctx } from './common/context.js';
import { copyBytes, readCopySource } from './common/copy-source.js';
import { MAX_UPLOAD_BYTES } from './common/upload-body.js';
import { requireUpload } from './common/uploads.js';
import { savePart } from './upload-part.js';

/**
 * A part copied from an existing object, whole or `x-amz-copy-source-range: bytes=first-last`
 * (which must lie within the source).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPartCopy.html
 */
export async function uploadPartCopy(input: UploadPartCopyRequest, ctx: Ctx): Promise<UploadPartCopyOutput> {
  const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const partNumber = checkPartNumber(input.PartNumber);
  const upload = requireUpload(ctx, bucket, input.Key, input.UploadId);
  const source = readCopySource(ctx, input);
  const src = source.record;
  let range: ByteRange | undefined;
  if (input.CopySourceRange !== undefined) {
    const parsed = parseCopySourceRange(input.CopySourceRange, src.size);
    if (parsed === undefined) throw CoreErrors.invalidCopySourceRange(input.CopySourceRange);
    if (parsed === 'out-of-bounds') throw CoreErrors.copyRangeOutOfBounds(src.size);
    range = parsed;
  }
  const size = range ? range.end - range.start + 1 : src.size;
  if (size > MAX_UPLOAD_BYTES) throw CoreErrors.copySourceTooLarge(MAX_UPLOAD_BYTES);
  const body = await copyBytes(ctx, src, range, upload.checksumAlgorithm);
  const saved = await savePart(ctx, bucket.name, upload, partNumber, body);
  return {
    CopySourceVersionId: visibleVersionId(source.bucket.versioning, src.versionId),
    CopyPartResult: { ETag: saved.ETag, LastModified: saved.lastModified, ...saved.checksum },
    ...encryptionOutput(upload.attributes),
  };
}
