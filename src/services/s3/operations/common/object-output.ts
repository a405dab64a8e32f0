/**
 * The headers GET and HEAD answer for an object version: content headers as stored (or as the
 * request's response-* parameters override them), ETag, Last-Modified, version id, metadata,
 * encryption, storage class (omitted for STANDARD, as S3 does), tag count, Object Lock, restore
 * status, and the checksum when asked for with `x-amz-checksum-mode: ENABLED`.
 */
import { encryptionOutput } from '../../domain/object-encryption.js';
import { lockOutput } from '../../domain/object-retention.js';
import { restoreHeader } from '../../domain/storage-class.js';
import { visibleVersionId } from '../../domain/versions.js';
import { checksumOutput, type StoredChecksum } from '../../domain/integrity.js';
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

export function objectHeaders(record: ObjectRecord, bucket: Bucket, overrides: ResponseOverrides, checksum: StoredChecksum | undefined): ObjectHeaders {
  const a = record.attributes;
  return {
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
    ...encryptionOutput(a),
    StorageClass: record.storageClass === 'STANDARD' ? undefined : record.storageClass,
    TagCount: a.tags?.length ? a.tags.length : undefined,
    ...lockOutput(a),
    Restore: restoreHeader(record),
    ...checksumOutput(checksum),
  };
}
