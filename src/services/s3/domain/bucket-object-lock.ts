/**
 * A bucket's Object Lock configuration: Object Lock on, and optionally a default retention (a
 * mode and a period in Days or Years) that new object versions get unless they set their own.
 * Stored as the API's ObjectLockConfiguration (`{ObjectLockEnabled: 'Enabled', Rule?}`), the
 * same document CreateBucket writes for a bucket created with Object Lock.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectLockConfiguration.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
 */
import type { DefaultRetention, ObjectLockConfiguration, ObjectLockRetentionMode } from '../generated/types.js';
import { S3Errors } from './errors.js';

function positiveInteger(n: number | undefined): boolean {
  return n !== undefined && Number.isInteger(n) && n > 0;
}

/** Checks PutObjectLockConfiguration's body; returns the document to store (no Rule: no default retention). */
export function validateObjectLockConfiguration(config: ObjectLockConfiguration | undefined): ObjectLockConfiguration {
  if (!config || config.ObjectLockEnabled !== 'Enabled') throw S3Errors.malformedXml();
  const rule = config.Rule;
  if (!rule) return { ObjectLockEnabled: 'Enabled' };
  const retention = rule.DefaultRetention;
  if (!retention || (retention.Mode !== 'GOVERNANCE' && retention.Mode !== 'COMPLIANCE')) throw S3Errors.malformedXml();
  if ((retention.Days === undefined) === (retention.Years === undefined)) throw S3Errors.malformedXml();
  const period = retention.Days ?? retention.Years;
  if (!positiveInteger(period)) throw S3Errors.invalidArgument('Default retention period must be a positive integer value', 'DefaultRetention');
  const out: DefaultRetention = { Mode: retention.Mode };
  if (retention.Days !== undefined) out.Days = retention.Days;
  else out.Years = retention.Years;
  return { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: out } };
}

/**
 * The retention a new object version gets from the bucket's default, written at `now`: the
 * mode, and the date it ends (Days or Years later, in UTC calendar terms).
 */
export function defaultRetentionFor(stored: ObjectLockConfiguration | undefined, now: Date): { mode: ObjectLockRetentionMode; retainUntil: Date } | undefined {
  const retention = stored?.Rule?.DefaultRetention;
  if (!retention?.Mode) return undefined;
  const until = new Date(now.getTime());
  if (retention.Days !== undefined) until.setUTCDate(until.getUTCDate() + retention.Days);
  else if (retention.Years !== undefined) until.setUTCFullYear(until.getUTCFullYear() + retention.Years);
  else return undefined;
  return { mode: retention.Mode, retainUntil: until };
}
