/**
 * The `x-amz-expiration` header S3 adds to GetObject, HeadObject, PutObject, CopyObject and
 * CompleteMultipartUpload answers when a lifecycle rule will expire the object version:
 *
 *   x-amz-expiration: expiry-date="Fri, 23 Dec 2012 00:00:00 GMT", rule-id="picture-deletion-rule"
 *
 * Only Expiration rules with Days or Date say so (not noncurrent-version rules), only for the
 * current version, and only when the rule's filter selects the object; of several, the earliest
 * date is shown. Days count from the object's creation and round up to the next midnight UTC.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html#API_HeadObject_ResponseSyntax
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-expire-general-considerations.html
 *
 * Handlers call it with the stored document as they read it:
 *   Expiration: expirationHeader(ctx.store.configs.get<StoredLifecycle>(bucket, 'lifecycle'), record)
 */
import type { LifecycleRule } from '../generated/types.js';
import type { ObjectRecord } from '../store/object-records.js';
import { reviveLifecycle, type StoredLifecycle } from './lifecycle-config.js';
import { dueAfterDays, ruleApplies } from './lifecycle.js';

export interface ObjectExpiry {
  date: Date;
  ruleId: string;
}

/** The earliest Expiration (Days or Date) any enabled rule sets for this current version. */
export function objectExpiry(rules: readonly LifecycleRule[], record: Pick<ObjectRecord, 'key' | 'size' | 'lastModified' | 'attributes' | 'deleteMarker'>): ObjectExpiry | undefined {
  if (record.deleteMarker) return undefined;
  const tags = Object.fromEntries((record.attributes.tags ?? []).map((t) => [t.Key, t.Value]));
  const item = { kind: 'version', key: record.key, size: record.size, tags, lastModified: record.lastModified, isLatest: true, isDeleteMarker: false } as const;
  let best: ObjectExpiry | undefined;
  for (const rule of rules) {
    const e = rule.Expiration;
    if (!e || (e.Days === undefined && e.Date === undefined) || !ruleApplies(rule, item)) continue;
    const date = e.Days !== undefined ? dueAfterDays(record.lastModified, e.Days) : new Date(e.Date!);
    if (!best || date.getTime() < best.date.getTime()) best = { date, ruleId: rule.ID ?? '' };
  }
  return best;
}

/** The `x-amz-expiration` value for the current version `record`, or undefined when no rule expires it. */
export function expirationHeader(stored: StoredLifecycle | undefined, record: Pick<ObjectRecord, 'key' | 'size' | 'lastModified' | 'attributes' | 'deleteMarker'>): string | undefined {
  if (!stored) return undefined;
  const expiry = objectExpiry(reviveLifecycle(stored).Rules, record);
  return expiry && `expiry-date="${expiry.date.toUTCString()}", rule-id="${expiry.ruleId}"`;
}
