/**
 * What S3 keeps about an object version, as the rest of the service reads it. Columns hold what
 * listing and lookups need; everything else sits in the `attributes` JSON document.
 */
import type { ChecksumAlgorithm, ChecksumType, StoredChecksum } from '../domain/integrity.js';
import type { AccessControlPolicy, ObjectLockLegalHoldStatus, ObjectLockMode, ServerSideEncryption, StorageClass, Tag } from '../generated/types.js';

/** The version id of the "null" version (unversioned buckets, puts while versioning is suspended). */
export const NULL_VERSION = 'null';

export interface ServerSideEncryptionSettings {
  ServerSideEncryption: ServerSideEncryption;
  SSEKMSKeyId?: string;
  SSEKMSEncryptionContext?: string;
  BucketKeyEnabled?: boolean;
}

/** SSE-C: the object can only be read with the same key (Nimbus keeps the key's MD5, never the key). */
export interface CustomerKeySettings {
  SSECustomerAlgorithm: string;
  SSECustomerKeyMD5: string;
}

export interface ObjectRetention {
  Mode: ObjectLockMode;
  /** ISO-8601. */
  RetainUntilDate: string;
}

/** RestoreObject's progress for archived storage classes (GLACIER, DEEP_ARCHIVE). */
export interface RestoreStatus {
  ongoing: boolean;
  /** ISO-8601, once restored. */
  expiry?: string;
}

/** The document stored with each version: headers to replay on GET, and per-object subresources. */
export interface ObjectAttributes {
  ContentType?: string;
  ContentEncoding?: string;
  ContentDisposition?: string;
  ContentLanguage?: string;
  CacheControl?: string;
  Expires?: string;
  WebsiteRedirectLocation?: string;
  /** User metadata (`x-amz-meta-*`), names lower-cased as S3 answers them. */
  Metadata?: Record<string, string>;
  encryption?: ServerSideEncryptionSettings;
  customerKey?: CustomerKeySettings;
  tags?: Tag[];
  /** Owner and grants; absent means the default (owner FULL_CONTROL). */
  acl?: AccessControlPolicy;
  retention?: ObjectRetention;
  legalHold?: ObjectLockLegalHoldStatus;
  restore?: RestoreStatus;
}

export interface ObjectChecksum extends StoredChecksum {
  algorithm: ChecksumAlgorithm;
  type: ChecksumType;
}

/** One version of an object (or a delete marker). */
export interface ObjectRecord {
  /** Row id: only grows, so within a key a higher id is a newer version. */
  id: number;
  bucketId: number;
  key: string;
  /** `null` for the null version. */
  versionId: string;
  isLatest: boolean;
  deleteMarker: boolean;
  lastModified: Date;
  size: number;
  /** Unquoted: hex MD5, or `hex-N` for multipart objects. */
  etag: string;
  storageClass: StorageClass;
  /** The account that wrote this version. */
  ownerAccountId: string;
  /** The single blob holding the bytes; undefined for delete markers, multipart objects and inline bodies. */
  blobId: string | undefined;
  /** True when the bytes are in the row itself (small bodies; `ObjectTable.inlineBody` reads them). */
  bodyInline?: boolean;
  /** The inline body, when the read loaded it (`ObjectTable.current(…, withBody)`). */
  inlineBytes?: Buffer;
  /** Number of parts for objects made by CompleteMultipartUpload. */
  partsCount: number | undefined;
  checksum: ObjectChecksum | undefined;
  attributes: ObjectAttributes;
}

/** A part of a multipart object, in object order (`index` 1..partsCount). */
export interface ObjectPart {
  index: number;
  /** The part number the upload used. */
  partNumber: number;
  blobId: string;
  size: number;
  /** Unquoted hex MD5 of the part. */
  etag: string;
  checksum: string | undefined;
}

/** What a write supplies; ids, latest flags and version ids are the store's. `inlineBody`: small bytes kept in the row (then `blobId` is undefined). */
export type NewObject = Omit<ObjectRecord, 'id' | 'bucketId' | 'key' | 'versionId' | 'isLatest' | 'deleteMarker' | 'bodyInline' | 'inlineBytes'> & { inlineBody?: Buffer };

export interface ObjectRow {
  id: number;
  bucket_id: number;
  key: string;
  version_id: string;
  is_latest: number;
  delete_marker: number;
  last_modified: number;
  size: number;
  etag: string;
  storage_class: string;
  owner_account: string;
  blob_id: string | null;
  parts_count: number | null;
  checksum_algorithm: string | null;
  checksum_type: string | null;
  checksum_value: string | null;
  attributes: string;
  /** `body IS NOT NULL` (the body column itself is read only by GET). */
  inline: number;
}

export function toObjectRecord(r: ObjectRow): ObjectRecord {
  return {
    id: r.id,
    bucketId: r.bucket_id,
    key: r.key,
    versionId: r.version_id,
    isLatest: r.is_latest === 1,
    deleteMarker: r.delete_marker === 1,
    lastModified: new Date(r.last_modified),
    size: r.size,
    etag: r.etag,
    storageClass: r.storage_class as StorageClass,
    ownerAccountId: r.owner_account,
    blobId: r.blob_id ?? undefined,
    bodyInline: r.inline === 1,
    partsCount: r.parts_count ?? undefined,
    checksum:
      r.checksum_algorithm && r.checksum_value
        ? { algorithm: r.checksum_algorithm as ChecksumAlgorithm, type: (r.checksum_type ?? 'FULL_OBJECT') as ChecksumType, value: r.checksum_value }
        : undefined,
    attributes: r.attributes === '{}' ? {} : (JSON.parse(r.attributes) as ObjectAttributes),
  };
}
