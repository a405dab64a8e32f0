/**
 * Object Lock on versions that already exist: what PutObjectRetention and PutObjectLegalHold
 * accept, which retention changes Object Lock allows, and whether a version may be deleted.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
 *
 * While a retention is in force (its RetainUntilDate is still ahead):
 * - anyone allowed to set retention may extend it (same mode, same or later date);
 * - COMPLIANCE can be neither shortened, removed nor switched to GOVERNANCE, by anyone;
 * - any other change to GOVERNANCE (shorter date, other mode, removal with an empty
 *   `<Retention/>`) needs `x-amz-bypass-governance-retention: true` (and the
 *   s3:BypassGovernanceRetention permission, which the gateway checks).
 * Once the date has passed, the version is free again. A legal hold is independent of
 * retention: ON protects the version from deletion until it is turned OFF; no bypass lifts it.
 */
import type { ObjectLockLegalHold, ObjectLockLegalHoldStatus, ObjectLockRetention } from '../generated/types.js';
import type { ObjectRecord, ObjectRetention } from '../store/object-records.js';
import { CoreErrors } from './errors-core.js';
import { ObjectErrors } from './errors-object.js';
import { S3Errors } from './errors.js';
import { isLocked } from './object-retention.js';

export interface LockCheckOptions {
  /** The request carried `x-amz-bypass-governance-retention: true`. */
  bypassGovernance: boolean;
  now: Date;
}

/** The retention if it is still in force at `now`. */
export function activeRetention(retention: ObjectRetention | undefined, now: Date): ObjectRetention | undefined {
  return retention && new Date(retention.RetainUntilDate).getTime() > now.getTime() ? retention : undefined;
}

/**
 * PutObjectRetention's body as the retention to store; undefined when it asks to remove the
 * retention (a `<Retention/>` with neither Mode nor RetainUntilDate). Mode and date come
 * together or not at all (MalformedXML); the date must be in the future.
 */
export function requestedRetention(retention: ObjectLockRetention | undefined, now: Date): ObjectRetention | undefined {
  if (!retention) throw S3Errors.malformedXml();
  const { Mode, RetainUntilDate } = retention;
  if (Mode === undefined && RetainUntilDate === undefined) return undefined;
  if (Mode === undefined || RetainUntilDate === undefined || Number.isNaN(RetainUntilDate.getTime())) throw S3Errors.malformedXml();
  if (Mode !== 'GOVERNANCE' && Mode !== 'COMPLIANCE') throw S3Errors.malformedXml();
  if (RetainUntilDate.getTime() <= now.getTime()) throw ObjectErrors.retainUntilInPast();
  return { Mode, RetainUntilDate: RetainUntilDate.toISOString() };
}

/** Throws AccessDenied when Object Lock forbids replacing `current` with `next` (undefined: removal). */
export function checkRetentionChange(current: ObjectRetention | undefined, next: ObjectRetention | undefined, options: LockCheckOptions): void {
  const active = activeRetention(current, options.now);
  if (!active) return;
  const extendsIt = next !== undefined && next.Mode === active.Mode && new Date(next.RetainUntilDate).getTime() >= new Date(active.RetainUntilDate).getTime();
  if (extendsIt) return;
  if (active.Mode === 'COMPLIANCE' || !options.bypassGovernance) throw CoreErrors.objectLocked();
}

/** PutObjectLegalHold's body: Status ON or OFF, else MalformedXML. */
export function requestedLegalHold(legalHold: ObjectLockLegalHold | undefined): ObjectLockLegalHoldStatus {
  const status = legalHold?.Status;
  if (status !== 'ON' && status !== 'OFF') throw S3Errors.malformedXml();
  return status;
}

/**
 * Throws AWS's AccessDenied ("Access Denied because object protected by object lock.") when a
 * version may not be deleted for good: a legal hold, COMPLIANCE retention in force, or
 * GOVERNANCE retention in force without the bypass header. Delete markers are never protected.
 * DeleteObject and DeleteObjects with a versionId call this before removing the version.
 */
export function checkVersionDeletable(record: ObjectRecord, options: LockCheckOptions): void {
  if (record.deleteMarker) return;
  if (isLocked(record, options.now, options.bypassGovernance)) throw CoreErrors.objectLocked();
}
