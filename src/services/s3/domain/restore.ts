/**
 * RestoreObject for archived objects (GLACIER, DEEP_ARCHIVE): a temporary readable copy that
 * lives `Days` days. AWS works out the copy's expiry by adding Days to the time the restore
 * completes and rounding up to the next midnight UTC; asking again while a copy exists resets
 * the period from now (200 OK) instead of starting a restore (202 Accepted); asking while a
 * restore is still running is RestoreAlreadyInProgress (409).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_RestoreObject.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/restoring-objects.html
 *
 * Nimbus completes restores at once, whatever the tier (AWS takes minutes to hours), so the
 * object is readable right after the request and HeadObject's `x-amz-restore` already says
 * `ongoing-request="false"`.
 */
import type { RestoreRequest } from '../generated/types.js';
import type { ObjectRecord, RestoreStatus } from '../store/object-records.js';
import { ObjectErrors } from './errors-object.js';
import { S3Errors } from './errors.js';
import { dueAfterDays } from './lifecycle.js';
import { isArchived } from './storage-class.js';

export interface RestoreDecision {
  /** 202 when a restore starts, 200 when an existing restored copy gets a new expiry. */
  status: 200 | 202;
  /** What to store in the version's attributes. */
  restore: RestoreStatus;
}

/** Whether a restored copy exists at `now` (done and not expired). */
export function hasRestoredCopy(restore: RestoreStatus | undefined, now: Date): boolean {
  return !!restore && !restore.ongoing && (restore.expiry === undefined || new Date(restore.expiry).getTime() > now.getTime());
}

/** What a RestoreObject request does to `record` at `now`, or S3's error. */
export function restoreFor(record: ObjectRecord, request: RestoreRequest | undefined, now: Date): RestoreDecision {
  if (request?.Type === 'SELECT') throw ObjectErrors.selectRestoreNotImplemented();
  if (!isArchived(record.storageClass)) throw ObjectErrors.restoreNotAllowed();
  const days = request?.Days;
  if (days === undefined) throw S3Errors.malformedXml();
  if (!Number.isInteger(days) || days < 1) throw ObjectErrors.invalidRestoreDays(days);
  const current = record.attributes.restore;
  if (current?.ongoing) throw ObjectErrors.restoreAlreadyInProgress();
  return {
    status: hasRestoredCopy(current, now) ? 200 : 202,
    restore: { ongoing: false, expiry: dueAfterDays(now, days).toISOString() },
  };
}
