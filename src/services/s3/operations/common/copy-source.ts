/**
 * The source side of CopyObject and UploadPartCopy: the bucket and version `x-amz-copy-source`
 * names, its SSE-C key, its `x-amz-copy-source-if-*` conditions, and its bytes copied into a
 * new blob (hashed like an upload, so the copy has its own MD5 and checksum).
 */
import { checkCopySourceConditions } from '../../domain/conditions.js';
import { parseCopySource } from '../../domain/copy-source.js';
import { CoreErrors } from '../../domain/errors-core.js';
import { S3Errors } from '../../domain/errors.js';
import { digestUpload, type ChecksumAlgorithm } from '../../domain/integrity.js';
import { checkKey } from '../../domain/keys.js';
import { checkReadKey } from '../../domain/object-encryption.js';
import type { ByteRange } from '../../domain/ranges.js';
import { isReadable } from '../../domain/storage-class.js';
import { isWellFormedVersionId } from '../../domain/versions.js';
import type { Bucket } from '../../store/buckets.js';
import type { ObjectRecord } from '../../store/object-records.js';
import { requireBucket, type Ctx } from './context.js';
import { objectStream } from './object-stream.js';
import type { StoredBody } from './upload-body.js';

export interface CopySourceRequest {
  CopySource: string;
  CopySourceIfMatch?: string;
  CopySourceIfModifiedSince?: Date;
  CopySourceIfNoneMatch?: string;
  CopySourceIfUnmodifiedSince?: Date;
  CopySourceSSECustomerAlgorithm?: string;
  CopySourceSSECustomerKey?: string;
  CopySourceSSECustomerKeyMD5?: string;
  ExpectedSourceBucketOwner?: string;
}

export interface SourceVersion {
  bucket: Bucket;
  record: ObjectRecord;
  /** Whether the request named the version (then its id is answered as x-amz-copy-source-version-id). */
  namedVersion: boolean;
}

export function readCopySource(ctx: Ctx, input: CopySourceRequest): SourceVersion {
  const source = parseCopySource(input.CopySource);
  const bucket = requireBucket(ctx, source.bucket, input.ExpectedSourceBucketOwner);
  checkKey(source.key);
  let record: ObjectRecord | undefined;
  if (source.versionId !== undefined) {
    if (!isWellFormedVersionId(source.versionId)) throw CoreErrors.invalidVersionId(source.versionId);
    record = ctx.store.objects.version(bucket, source.key, source.versionId);
    if (!record) throw S3Errors.noSuchVersion(source.key, source.versionId);
    if (record.deleteMarker) throw S3Errors.invalidRequest('The source of a copy request may not specifically refer to a delete marker by version id.');
  } else {
    record = ctx.store.objects.current(bucket, source.key);
    if (!record || record.deleteMarker) throw S3Errors.noSuchKey(source.key);
  }
  checkReadKey(record.attributes.customerKey, {
    SSECustomerAlgorithm: input.CopySourceSSECustomerAlgorithm,
    SSECustomerKey: input.CopySourceSSECustomerKey,
    SSECustomerKeyMD5: input.CopySourceSSECustomerKeyMD5,
  });
  checkCopySourceConditions(
    { IfMatch: input.CopySourceIfMatch, IfNoneMatch: input.CopySourceIfNoneMatch, IfModifiedSince: input.CopySourceIfModifiedSince, IfUnmodifiedSince: input.CopySourceIfUnmodifiedSince },
    record.etag,
    record.lastModified,
  );
  if (!isReadable(record, ctx.now())) throw CoreErrors.archived(record.storageClass);
  return { bucket, record, namedVersion: source.versionId !== undefined };
}

/** Copies the source's bytes (or a range of them) into a new blob, computing its MD5 and a checksum. */
export async function copyBytes(ctx: Ctx, record: ObjectRecord, range: ByteRange | undefined, algorithm: ChecksumAlgorithm | undefined): Promise<StoredBody> {
  const size = range ? range.end - range.start + 1 : record.size;
  const source = objectStream(ctx.store, record, size === 0 ? { start: 0, end: -1 } : range);
  const digesting = digestUpload(source, { checksums: {}, defaultAlgorithm: algorithm, expectedSize: size });
  const { id } = await ctx.store.blobs.put(digesting.body);
  try {
    return { blobId: id, digests: digesting.result() };
  } catch (e) {
    await ctx.store.reclaimer.discard([id]);
    throw e;
  }
}
