/**
 * Multipart uploads in progress and their parts. Part blobs belong to `s3_upload_parts` until
 * CompleteMultipartUpload hands the chosen ones to the object (`s3_object_parts`); the others
 * become garbage then, as all of them do on AbortMultipartUpload. Writes run inside
 * `S3Store.transaction` and return the blob ids they made garbage.
 */
import type { Database } from '../../../storage/index.js';
import type { ChecksumAlgorithm, ChecksumType } from '../domain/integrity.js';
import type { StorageClass } from '../generated/types.js';
import type { Bucket } from './buckets.js';
import type { ObjectAttributes } from './object-records.js';
import type { ScanStart } from './objects.js';
import { pastPrefixBound } from './objects.js';

export interface UploadRecord {
  /** Row id: only grows, so uploads of one key list in the order they were created. */
  id: number;
  uploadId: string;
  bucketId: number;
  key: string;
  initiated: Date;
  ownerAccountId: string;
  /** The ARN of the principal that created the upload (ListParts/ListMultipartUploads `Initiator`). */
  initiatorArn: string;
  storageClass: StorageClass;
  /** The algorithm CreateMultipartUpload asked for (parts must use it), if any. */
  checksumAlgorithm: ChecksumAlgorithm | undefined;
  /** How part checksums combine: the request's ChecksumType, else the algorithm's default. */
  checksumType: ChecksumType | undefined;
  /** Headers, metadata, tags, ACL, encryption and lock settings the final object will get. */
  attributes: ObjectAttributes;
}

export interface UploadPartRecord {
  partNumber: number;
  blobId: string;
  size: number;
  /** Unquoted hex MD5. */
  etag: string;
  lastModified: Date;
  /** The part's flexible checksum (the upload's algorithm, or S3's default CRC64NVME). */
  checksum: { algorithm: ChecksumAlgorithm; value: string } | undefined;
}

interface UploadRow {
  id: number;
  upload_id: string;
  bucket_id: number;
  key: string;
  initiated: number;
  owner_account: string;
  initiator_arn: string;
  storage_class: string;
  checksum_algorithm: string | null;
  checksum_type: string | null;
  attributes: string;
}

interface PartRow {
  part_number: number;
  blob_id: string;
  size: number;
  etag: string;
  last_modified: number;
  checksum_algorithm: string | null;
  checksum_value: string | null;
}

function toUpload(r: UploadRow): UploadRecord {
  return {
    id: r.id,
    uploadId: r.upload_id,
    bucketId: r.bucket_id,
    key: r.key,
    initiated: new Date(r.initiated),
    ownerAccountId: r.owner_account,
    initiatorArn: r.initiator_arn,
    storageClass: r.storage_class as StorageClass,
    checksumAlgorithm: (r.checksum_algorithm ?? undefined) as ChecksumAlgorithm | undefined,
    checksumType: (r.checksum_type ?? undefined) as ChecksumType | undefined,
    attributes: JSON.parse(r.attributes) as ObjectAttributes,
  };
}

function toPart(r: PartRow): UploadPartRecord {
  return {
    partNumber: r.part_number,
    blobId: r.blob_id,
    size: r.size,
    etag: r.etag,
    lastModified: new Date(r.last_modified),
    checksum: r.checksum_algorithm && r.checksum_value ? { algorithm: r.checksum_algorithm as ChecksumAlgorithm, value: r.checksum_value } : undefined,
  };
}

export class UploadTable {
  constructor(private readonly db: Database) {}

  /** The upload, if it exists in this bucket. */
  get(bucket: Bucket, uploadId: string): UploadRecord | undefined {
    const row = this.db.prepare('SELECT * FROM s3_uploads WHERE upload_id = ? AND bucket_id = ?').get(uploadId, bucket.id) as UploadRow | undefined;
    return row ? toUpload(row) : undefined;
  }

  hasAny(bucket: Bucket): boolean {
    return this.db.prepare('SELECT 1 FROM s3_uploads WHERE bucket_id = ? LIMIT 1').get(bucket.id) !== undefined;
  }

  part(upload: UploadRecord, partNumber: number): UploadPartRecord | undefined {
    const row = this.db.prepare('SELECT * FROM s3_upload_parts WHERE upload_id = ? AND part_number = ?').get(upload.uploadId, partNumber) as PartRow | undefined;
    return row ? toPart(row) : undefined;
  }

  /** Parts in part-number order after `afterPartNumber`, at most `limit`. */
  parts(upload: UploadRecord, afterPartNumber = 0, limit = 10_000): UploadPartRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM s3_upload_parts WHERE upload_id = ? AND part_number > ? ORDER BY part_number LIMIT ? + 0')
      .all(upload.uploadId, afterPartNumber, limit) as PartRow[];
    return rows.map(toPart);
  }

  /** Uploads in key order (creation order within a key) from `start`. */
  scan(bucket: Bucket, start: ScanStart): IterableIterator<UploadRecord> {
    const clause = 'pastPrefix' in start ? 'key >= CAST(? AS TEXT)' : start.inclusive ? 'key >= ?' : 'key > ?';
    const param = 'pastPrefix' in start ? pastPrefixBound(start.pastPrefix) : start.key;
    const rows = this.db.prepare(`SELECT * FROM s3_uploads WHERE bucket_id = ? AND ${clause} ORDER BY key, id`).iterate(bucket.id, param) as IterableIterator<UploadRow>;
    return mapUploads(rows);
  }

  /** Uploads of `key` created after the upload with row id `id`. */
  laterUploads(bucket: Bucket, key: string, id: number): IterableIterator<UploadRecord> {
    const rows = this.db.prepare('SELECT * FROM s3_uploads WHERE bucket_id = ? AND key = ? AND id > ? ORDER BY id').iterate(bucket.id, key, id) as IterableIterator<UploadRow>;
    return mapUploads(rows);
  }

  allBlobIds(): string[] {
    return (this.db.prepare('SELECT blob_id FROM s3_upload_parts').all() as { blob_id: string }[]).map((r) => r.blob_id);
  }

  // --- writes (inside S3Store.transaction) ------------------------------------------------------

  create(upload: Omit<UploadRecord, 'id'>): UploadRecord {
    const row = this.db
      .prepare(
        `INSERT INTO s3_uploads (upload_id, bucket_id, key, initiated, owner_account, initiator_arn, storage_class, checksum_algorithm, checksum_type, attributes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(
        upload.uploadId, upload.bucketId, upload.key, upload.initiated.getTime(), upload.ownerAccountId, upload.initiatorArn, upload.storageClass,
        upload.checksumAlgorithm ?? null, upload.checksumType ?? null, JSON.stringify(upload.attributes),
      ) as { id: number };
    return { ...upload, id: row.id };
  }

  /** Adds or replaces a part; returns the replaced part's blob. */
  putPart(upload: UploadRecord, part: UploadPartRecord): string[] {
    const previous = this.part(upload, part.partNumber);
    this.db
      .prepare(
        `INSERT INTO s3_upload_parts (upload_id, part_number, blob_id, size, etag, last_modified, checksum_algorithm, checksum_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (upload_id, part_number) DO UPDATE SET blob_id = excluded.blob_id, size = excluded.size, etag = excluded.etag,
           last_modified = excluded.last_modified, checksum_algorithm = excluded.checksum_algorithm, checksum_value = excluded.checksum_value`,
      )
      .run(upload.uploadId, part.partNumber, part.blobId, part.size, part.etag, part.lastModified.getTime(), part.checksum?.algorithm ?? null, part.checksum?.value ?? null);
    return previous ? [previous.blobId] : [];
  }

  /**
   * Removes the upload and its parts. `keep` are the blob ids the completed object took over;
   * every other part's blob is returned as garbage.
   */
  remove(upload: UploadRecord, keep: ReadonlySet<string> = new Set()): string[] {
    const garbage = this.parts(upload).map((p) => p.blobId).filter((id) => !keep.has(id));
    this.db.prepare('DELETE FROM s3_upload_parts WHERE upload_id = ?').run(upload.uploadId);
    this.db.prepare('DELETE FROM s3_uploads WHERE upload_id = ?').run(upload.uploadId);
    return garbage;
  }
}

function* mapUploads(rows: IterableIterator<UploadRow>): IterableIterator<UploadRecord> {
  for (const r of rows) yield toUpload(r);
}
