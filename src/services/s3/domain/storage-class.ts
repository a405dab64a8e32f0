/**
 * Storage classes a general purpose bucket accepts; the others in the model (directory buckets,
 * Outposts, Snow, FSx) are InvalidStorageClass here. Archived classes (GLACIER, DEEP_ARCHIVE)
 * cannot be read until restored.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html
 */
import type { StorageClass } from '../generated/types.js';
import { CoreErrors } from './errors-core.js';
import type { ObjectRecord } from '../store/object-records.js';

const GENERAL_PURPOSE: ReadonlySet<string> = new Set<StorageClass>([
  'STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER', 'DEEP_ARCHIVE', 'GLACIER_IR',
]);

export function checkStorageClass(value: string | undefined): StorageClass {
  if (value === undefined) return 'STANDARD';
  if (!GENERAL_PURPOSE.has(value)) throw CoreErrors.invalidStorageClass(value);
  return value as StorageClass;
}

export function isArchived(storageClass: StorageClass): boolean {
  return storageClass === 'GLACIER' || storageClass === 'DEEP_ARCHIVE';
}

/** Whether GET may read the bytes: not archived, or restored (and the restored copy still there). */
export function isReadable(record: ObjectRecord, now: Date): boolean {
  if (!isArchived(record.storageClass)) return true;
  const r = record.attributes.restore;
  return !!r && !r.ongoing && (r.expiry === undefined || new Date(r.expiry) > now);
}

/** The `x-amz-restore` header value for an object with a restore in progress or done. */
export function restoreHeader(record: ObjectRecord): string | undefined {
  const r = record.attributes.restore;
  if (!r) return undefined;
  if (r.ongoing) return 'ongoing-request="true"';
  return r.expiry ? `ongoing-request="false", expiry-date="${new Date(r.expiry).toUTCString()}"` : 'ongoing-request="false"';
}
