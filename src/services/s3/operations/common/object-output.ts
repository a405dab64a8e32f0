/**
 * The headers GET and HEAD answer for an object version: content headers as stored (or as the
 * request's response-* parameters override them), ETag, Last-Modified, version id, metadata,
 * encryption, storage class (omitted for STANDARD, as S3 does), tag count, Object Lock, restore
 * status, and the checksum when asked for with `x-amz-checksum-mode: ENABLED`.
 */
import { restoreHeader } from '../../domain/storage-class.js';
import { visibleVersionId } from '../../domain/versions.js';
import type { StoredChecksum } from '../../domain/integrity.js';
import type { HeadObjectOutput } from '../../generated/types.js';
import type { Bucket } from '../../store/buckets.js';
import type { ObjectRecord } from '../../store/object-records.js';

export interface ResponseOverrides {
  ResponseCacheControl?: string;
  ResponseContentDisposition?: string;
  ResponseContentEncoding?: string;
  ResponseContentLanguage?: string;
  ResponseContentType?: string;
  ResponseExpires?: Date;
}

export type ObjectHeaders = Omit<HeadObjectOutput, 'ContentLength' | 'ContentRange'>;

/**
 * One object literal of a fixed shape (no spreads): GET and HEAD build it on every request, and
 * a stable shape keeps that and the header writer's reads of it cheap.
 */
export function objectHeaders(record: ObjectRecord, bucket: Bucket, overrides: ResponseOverrides, checksum: StoredChecksum | undefined): ObjectHeaders {
  const a = record.attributes;
  const customerKey = a.customerKey;
  const encryption = customerKey ? undefined : a.encryption;
  const retention = a.retention;
  const out: ObjectHeaders = {
    AcceptRanges: 'bytes',
    LastModified: record.lastModified,
    ETag: `"${record.etag}"`,
    VersionId: visibleVersionId(bucket.versioning, record.versionId),
    CacheControl: overrides.ResponseCacheControl ?? a.CacheControl,
    ContentDisposition: overrides.ResponseContentDisposition ?? a.ContentDisposition,
    ContentEncoding: overrides.ResponseContentEncoding ?? a.ContentEncoding,
    ContentLanguage: overrides.ResponseContentLanguage ?? a.ContentLanguage,
    ContentType: overrides.ResponseContentType ?? a.ContentType,
    Expires: overrides.ResponseExpires ? overrides.ResponseExpires.toUTCString() : a.Expires,
    WebsiteRedirectLocation: a.WebsiteRedirectLocation,
    Metadata: a.Metadata,
    ServerSideEncryption: encryption?.ServerSideEncryption,
    SSEKMSKeyId: encryption?.SSEKMSKeyId,
    BucketKeyEnabled: encryption?.BucketKeyEnabled,
    SSECustomerAlgorithm: customerKey?.SSECustomerAlgorithm,
    SSECustomerKeyMD5: customerKey?.SSECustomerKeyMD5,
    StorageClass: record.storageClass === 'STANDARD' ? undefined : record.storageClass,
    TagCount: a.tags?.length ? a.tags.length : undefined,
    ObjectLockMode: retention?.Mode,
    ObjectLockRetainUntilDate: retention ? new Date(retention.RetainUntilDate) : undefined,
    ObjectLockLegalHoldStatus: a.legalHold,
    Restore: restoreHeader(record),
    ChecksumType: checksum?.type,
  };
  if (checksum) out[`Checksum${checksum.algorithm}`] = checksum.value;
  return out;
}
