import { CoreErrors } from '../domain/errors-core.js';
import { S3Errors } from '../domain/errors.js';
import { checksumOutput, uploadChecksOf } from '../domain/integrity.js';
import { checkPartNumber } from '../domain/multipart.js';
import { encryptionOutput } from '../domain/object-encryption.js';
import type { UploadPartOutput, UploadPartRequest } from '../generated/types.js';
import type { UploadRecord } from '../store/uploads.js';
import { requireBucket, type Ctx } from './common/context.js';
import { storeUploadBody, type StoredBody } from './common/upload-body.js';
import { requireUpload } from './common/uploads.js';

/**
 * Stores one part: streamed into its own blob, checked and hashed like a PutObject body (with
 * the upload's checksum algorithm), replacing an earlier part of the same number.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html
 */
export async function uploadPart(input: UploadPartRequest, ctx: Ctx): Promise<UploadPartOutput> {
  const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const partNumber = checkPartNumber(input.PartNumber);
  const upload = requireUpload(ctx, bucket, input.Key, input.UploadId);
  const body = await storeUploadBody(ctx, input.Body, uploadChecksOf(input, upload.checksumAlgorithm));
  const saved = await savePart(ctx, bucket.name, upload, partNumber, body);
  return { ETag: saved.ETag, ...encryptionOutput(upload.attributes), ...saved.checksum };
}

export interface SavedPart {
  /** Quoted. */
  ETag: string;
  lastModified: Date;
  /** The part's checksum members (no ChecksumType: UploadPart answers none). */
  checksum: ReturnType<typeof checksumOutput>;
}

/** Records a stored part (UploadPart, UploadPartCopy); the upload must still exist at the commit. */
export async function savePart(ctx: Ctx, bucketName: string, upload: UploadRecord, partNumber: number, body: StoredBody): Promise<SavedPart> {
  const { size, md5, checksum } = body.digests;
  const etag = md5.toString('hex');
  const lastModified = ctx.now();
  let garbage: string[];
  try {
    if (upload.checksumAlgorithm && checksum && checksum.algorithm !== upload.checksumAlgorithm) {
      throw CoreErrors.checksumTypeMismatch(upload.checksumAlgorithm, checksum.algorithm);
    }
    garbage = await ctx.store.transaction(() => {
      const bucket = ctx.store.buckets.get(bucketName);
      const live = bucket && ctx.store.uploads.get(bucket, upload.uploadId);
      if (!live) throw S3Errors.noSuchUpload(upload.uploadId);
      return ctx.store.uploads.putPart(live, {
        partNumber,
        blobId: body.blobId,
        size,
        etag,
        lastModified,
        checksum: checksum ? { algorithm: checksum.algorithm, value: checksum.value } : undefined,
      });
    });
  } catch (e) {
    await ctx.store.reclaimer.discard([body.blobId]);
    throw e;
  }
  await ctx.store.reclaimer.discard(garbage);
  return { ETag: `"${etag}"`, lastModified, checksum: checksumOutput(checksum, false) };
}
