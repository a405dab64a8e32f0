/**
 * Object Lock on object versions: the retention and legal hold a new version gets from its
 * request's headers (or the bucket's default retention), and whether a version is protected from
 * deletion.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
 */
import type { ObjectLockConfiguration, ObjectLockLegalHoldStatus } from '../generated/types.js';
import type { ObjectAttributes, ObjectRecord } from '../store/object-records.js';
import { defaultRetentionFor } from './bucket-object-lock.js';
import { CoreErrors } from './errors-core.js';

export interface LockHeaders {
  ObjectLockMode?: string;
  ObjectLockRetainUntilDate?: Date;
  ObjectLockLegalHoldStatus?: string;
}

/**
 * The lock settings a new version gets: the request's, else the bucket's default retention.
 * Lock headers on a bucket without Object Lock are InvalidRequest.
 */
export function lockFor(h: LockHeaders, lockEnabled: boolean, config: ObjectLockConfiguration | undefined, now: Date): Pick<ObjectAttributes, 'retention' | 'legalHold'> {
  const asked = h.ObjectLockMode !== undefined || h.ObjectLockRetainUntilDate !== undefined || h.ObjectLockLegalHoldStatus !== undefined;
  if (!lockEnabled) {
    if (asked) throw CoreErrors.objectLockMissing();
    return {};
  }
  const out: Pick<ObjectAttributes, 'retention' | 'legalHold'> = {};
  if ((h.ObjectLockMode === undefined) !== (h.ObjectLockRetainUntilDate === undefined)) throw CoreErrors.objectLockHeadersPaired();
  if (h.ObjectLockMode !== undefined && h.ObjectLockRetainUntilDate !== undefined) {
    if (h.ObjectLockMode !== 'GOVERNANCE' && h.ObjectLockMode !== 'COMPLIANCE') throw CoreErrors.invalidObjectLockHeader('x-amz-object-lock-mode', h.ObjectLockMode);
    if (h.ObjectLockRetainUntilDate.getTime() <= now.getTime()) throw CoreErrors.retainUntilInPast();
    out.retention = { Mode: h.ObjectLockMode, RetainUntilDate: h.ObjectLockRetainUntilDate.toISOString() };
  } else {
    const d = defaultRetentionFor(config, now);
    if (d) out.retention = { Mode: d.mode, RetainUntilDate: d.retainUntil.toISOString() };
  }
  if (h.ObjectLockLegalHoldStatus !== undefined) {
    if (h.ObjectLockLegalHoldStatus !== 'ON' && h.ObjectLockLegalHoldStatus !== 'OFF') {
      throw CoreErrors.invalidObjectLockHeader('x-amz-object-lock-legal-hold', h.ObjectLockLegalHoldStatus);
    }
    out.legalHold = h.ObjectLockLegalHoldStatus as ObjectLockLegalHoldStatus;
  }
  return out;
}

/**
 * Whether a version may not be deleted: a legal hold, COMPLIANCE retention, or GOVERNANCE
 * retention without `x-amz-bypass-governance-retention`.
 */
export function isLocked(record: ObjectRecord, now: Date, bypassGovernance: boolean): boolean {
  const a = record.attributes;
  if (a.legalHold === 'ON') return true;
  const r = a.retention;
  if (!r || new Date(r.RetainUntilDate).getTime() <= now.getTime()) return false;
  return r.Mode === 'COMPLIANCE' || !bypassGovernance;
}

