import { CoreErrors } from '../domain/errors-core.js';
import { checksumOutput } from '../domain/integrity.js';
import { ownerOf } from '../domain/owners.js';
import type { ListPartsOutput, ListPartsRequest, Part } from '../generated/types.js';
import { requireBucket, type Ctx } from './common/context.js';
import { initiatorOf, requireUpload } from './common/uploads.js';

const MAX_PARTS = 1000;

/**
 * An upload's parts in part-number order, paged with PartNumberMarker and MaxParts.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListParts.html
 */
export function listParts(input: ListPartsRequest, ctx: Ctx): ListPartsOutput {
  const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const upload = requireUpload(ctx, bucket, input.Key, input.UploadId);
  const max = input.MaxParts ?? MAX_PARTS;
  if (!Number.isInteger(max) || max < 0) throw CoreErrors.invalidMaxKeys('max-parts', max);
  const marker = input.PartNumberMarker ?? 0;
  if (!Number.isInteger(marker) || marker < 0) throw CoreErrors.invalidPartNumberMarker(String(marker));
  const limit = Math.min(max, MAX_PARTS);
  const rows = ctx.store.uploads.parts(upload, marker, limit + 1);
  const truncated = rows.length > limit;
  const shown = rows.slice(0, limit);
  const parts: Part[] = shown.map((p) => ({
    PartNumber: p.partNumber,
    LastModified: p.lastModified,
    ETag: `"${p.etag}"`,
    Size: p.size,
    ...checksumOutput(p.checksum ? { algorithm: p.checksum.algorithm, value: p.checksum.value, type: 'FULL_OBJECT' } : undefined, false),
  }));
  return {
    Bucket: bucket.name,
    Key: upload.key,
    UploadId: upload.uploadId,
    PartNumberMarker: marker,
    NextPartNumberMarker: truncated ? shown[shown.length - 1]!.partNumber : undefined,
    MaxParts: max,
    IsTruncated: truncated,
    Parts: parts.length ? parts : undefined,
    Initiator: initiatorOf(upload),
    Owner: ownerOf(upload.ownerAccountId),
    StorageClass: upload.storageClass,
    ChecksumAlgorithm: upload.checksumAlgorithm,
    ChecksumType: upload.checksumType,
  };
}
