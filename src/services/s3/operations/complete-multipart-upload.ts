import { checkWriteConditionsForm } from '../domain/conditions.js';
import { CoreErrors } from '../domain/errors-core.js';
import { S3Errors } from '../domain/errors.js';
import { checksumOutput, combinePartChecksums, DEFAULT_ALGORITHM, type StoredChecksum } from '../domain/integrity.js';
import { chooseParts, multipartEtag } from '../domain/multipart.js';
import { encryptionOutput } from '../domain/object-encryption.js';
import { visibleVersionId } from '../domain/versions.js';
import type { CompleteMultipartUploadOutput, CompleteMultipartUploadRequest, CompletedPart } from '../generated/types.js';
import type { UploadPartRecord, UploadRecord } from '../store/uploads.js';
import { commitObject } from './common/commit-object.js';
import { requireBucket, type Ctx } from './common/context.js';
import { requireUpload } from './common/uploads.js';

/**
 * The object's checksum from its parts': with the upload's algorithm and type; with no algorithm
 * asked for, S3's default (CRC64NVME, FULL_OBJECT) when every part has one; else none.
 */
function objectChecksum(upload: UploadRecord, parts: readonly UploadPartRecord[]): StoredChecksum | undefined {
  const algorithm = upload.checksumAlgorithm ?? DEFAULT_ALGORITHM;
  const type = upload.checksumType ?? 'FULL_OBJECT';
  if (!parts.every((p) => p.checksum?.algorithm === algorithm)) return undefined;
  const value = combinePartChecksums(algorithm, type, parts.map((p) => ({ checksum: p.checksum!.value, size: p.size })));
  return { algorithm, type, value };
}

/** A part checksum named in the request must be the stored one (else InvalidPart, as a wrong ETag is). */
function checkPartChecksums(uploadId: string, requested: readonly CompletedPart[], chosen: readonly UploadPartRecord[]): void {
  requested.forEach((r, i) => {
    const stored = chosen[i]!.checksum;
    const given = stored ? r[`Checksum${stored.algorithm}` as keyof CompletedPart] : undefined;
    if (given !== undefined && given !== stored!.value) throw S3Errors.invalidPart(uploadId, chosen[i]!.partNumber, r.ETag);
  });
}

/**
 * Assembles the object from the listed parts. No bytes are copied: the object refers to the
 * parts' blobs, and GetObject streams across them. Parts not listed are discarded with the upload.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html
 */
export async function completeMultipartUpload(input: CompleteMultipartUploadRequest, ctx: Ctx): Promise<CompleteMultipartUploadOutput> {
  const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const conditions = { IfMatch: input.IfMatch, IfNoneMatch: input.IfNoneMatch };
  checkWriteConditionsForm(conditions);
  const upload = requireUpload(ctx, bucket, input.Key, input.UploadId);
  const requested = input.MultipartUpload?.Parts;
  const uploaded = new Map(ctx.store.uploads.parts(upload).map((p) => [p.partNumber, p]));
  const chosen = chooseParts(upload.uploadId, requested, uploaded);
  checkPartChecksums(upload.uploadId, requested!, chosen);
  const size = chosen.reduce((n, p) => n + p.size, 0);
  if (input.MpuObjectSize !== undefined && input.MpuObjectSize !== size) throw CoreErrors.mpuObjectSizeMismatch(input.MpuObjectSize, size);
  const checksum = objectChecksum(upload, chosen);
  const keep = new Set(chosen.map((p) => p.blobId));
  const committed = await commitObject(
    ctx,
    bucket.name,
    input.Key,
    {
      lastModified: ctx.now(),
      size,
      etag: multipartEtag(chosen.map((p) => p.etag)),
      storageClass: upload.storageClass,
      ownerAccountId: upload.ownerAccountId,
      blobId: undefined,
      partsCount: chosen.length,
      checksum,
      attributes: upload.attributes,
    },
    {
      conditions,
      parts: chosen.map((p) => ({ partNumber: p.partNumber, blobId: p.blobId, size: p.size, etag: p.etag, checksum: p.checksum?.value })),
      // The parts' blobs belong to the upload until this commit: nothing to remove if it fails.
      newBlobs: [],
      alsoInTransaction: (live) => {
        // The upload may have been completed or aborted while this request was checked.
        const still = ctx.store.uploads.get(live, upload.uploadId);
        if (!still) throw S3Errors.noSuchUpload(upload.uploadId);
        return ctx.store.uploads.remove(still, keep);
      },
    },
  );
  return {
    Location: `/${bucket.name}/${encodeURIComponent(input.Key).replace(/%2F/g, '/')}`,
    Bucket: bucket.name,
    Key: input.Key,
    ETag: `"${committed.record.etag}"`,
    VersionId: visibleVersionId(committed.bucket.versioning, committed.record.versionId),
    ...encryptionOutput(upload.attributes),
    ...checksumOutput(checksum),
  };
}
