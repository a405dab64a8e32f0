/**
 * What a lifecycle configuration does to one object version or upload at a given time, for the
 * background sweep that applies it:
 *
 *   for (const action of lifecycleActionsDue(rules, item, now)) …
 *
 * `item` describes either an object version (the current one, a noncurrent one or a delete
 * marker) or an incomplete multipart upload. The result lists every action due, each naming the
 * rule that asked for it; the sweeper decides what it means for the bucket (expiring the current
 * version of a versioned bucket adds a delete marker, of an unversioned bucket deletes it).
 *
 * AWS's timing: an action "Days" after an event is due at the first midnight UTC after event +
 * Days × 24 h (S3 rounds up to the next midnight); a Date action is due from that date on.
 * Disabled rules do nothing. Filters: key prefix, every listed tag (key and value), and size
 * strictly above ObjectSizeGreaterThan / below ObjectSizeLessThan. A rule with tag or size
 * conditions never applies to delete markers or uploads, which have neither.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-expire-general-considerations.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html
 */
import type { LifecycleRule, Tag } from '../generated/types.js';

const DAY = 24 * 60 * 60 * 1000;

export type LifecycleItem =
  | {
      kind: 'version';
      key: string;
      size: number;
      tags: Readonly<Record<string, string>>;
      /** When this version was written. */
      lastModified: Date;
      /** The current version (or current delete marker) of its key. */
      isLatest: boolean;
      isDeleteMarker: boolean;
      /** For a noncurrent version: when it stopped being current (when its successor was written). */
      noncurrentSince?: Date;
      /** For a noncurrent version: how many noncurrent versions of the key are newer than it. */
      newerNoncurrentVersions?: number;
      /** For a current delete marker: true when no other version of the key is left. */
      onlyVersionLeft?: boolean;
    }
  | { kind: 'upload'; key: string; initiated: Date };

export type LifecycleAction =
  /** Expire the current version (unversioned: delete; versioned: add a delete marker). */
  | { action: 'expire-current'; ruleId: string; dueAt: Date }
  /** Permanently delete this noncurrent version. */
  | { action: 'expire-noncurrent'; ruleId: string; dueAt: Date }
  /** Remove this expired object delete marker (no versions left behind it). */
  | { action: 'remove-delete-marker'; ruleId: string; dueAt: Date }
  /** Abort this incomplete multipart upload. */
  | { action: 'abort-upload'; ruleId: string; dueAt: Date }
  /** Move the version to another storage class (current or noncurrent). */
  | { action: 'transition'; ruleId: string; dueAt: Date; storageClass: string };

/** The first midnight UTC at or after `from + days` days (S3 rounds actions up to midnight). */
export function dueAfterDays(from: Date, days: number): Date {
  const t = from.getTime() + days * DAY;
  const midnight = Math.floor(t / DAY) * DAY;
  return new Date(midnight === t ? t : midnight + DAY);
}

interface FilterFacts {
  prefix: string;
  tags: readonly Tag[];
  greaterThan?: number;
  lessThan?: number;
}

function filterFacts(rule: LifecycleRule): FilterFacts {
  const f = rule.Filter;
  if (!f) return { prefix: rule.Prefix ?? '', tags: [] };
  if (f.And) {
    return { prefix: f.And.Prefix ?? '', tags: f.And.Tags ?? [], greaterThan: f.And.ObjectSizeGreaterThan, lessThan: f.And.ObjectSizeLessThan };
  }
  return { prefix: f.Prefix ?? '', tags: f.Tag ? [f.Tag] : [], greaterThan: f.ObjectSizeGreaterThan, lessThan: f.ObjectSizeLessThan };
}

/** Whether the rule's filter selects the item. */
export function ruleApplies(rule: LifecycleRule, item: LifecycleItem): boolean {
  if (rule.Status !== 'Enabled') return false;
  const f = filterFacts(rule);
  if (!item.key.startsWith(f.prefix)) return false;
  const needsFacts = f.tags.length > 0 || f.greaterThan !== undefined || f.lessThan !== undefined;
  if (item.kind === 'upload' || item.isDeleteMarker) return !needsFacts;
  if (!f.tags.every((t) => item.tags[t.Key] === (t.Value ?? ''))) return false;
  if (f.greaterThan !== undefined && !(item.size > f.greaterThan)) return false;
  if (f.lessThan !== undefined && !(item.size < f.lessThan)) return false;
  return true;
}

/** Every lifecycle action due for `item` at `now`, in rule order. */
export function lifecycleActionsDue(rules: readonly LifecycleRule[], item: LifecycleItem, now: Date): LifecycleAction[] {
  const out: LifecycleAction[] = [];
  const due = (d: Date) => d.getTime() <= now.getTime();
  for (const rule of rules) {
    if (!ruleApplies(rule, item)) continue;
    const ruleId = rule.ID ?? '';
    if (item.kind === 'upload') {
      const days = rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation;
      if (days !== undefined) {
        const dueAt = dueAfterDays(item.initiated, days);
        if (due(dueAt)) out.push({ action: 'abort-upload', ruleId, dueAt });
      }
      continue;
    }
    if (item.isLatest && item.isDeleteMarker) {
      if (rule.Expiration?.ExpiredObjectDeleteMarker && item.onlyVersionLeft) out.push({ action: 'remove-delete-marker', ruleId, dueAt: now });
      continue;
    }
    if (item.isLatest) {
      const exp = rule.Expiration;
      const dueAt = exp?.Days !== undefined ? dueAfterDays(item.lastModified, exp.Days) : exp?.Date;
      if (dueAt && due(dueAt)) out.push({ action: 'expire-current', ruleId, dueAt });
      const transition = latestDue(
        (rule.Transitions ?? []).map((t) => ({ at: t.Days !== undefined ? dueAfterDays(item.lastModified, t.Days) : t.Date, storageClass: t.StorageClass })),
        now,
      );
      if (transition) out.push({ action: 'transition', ruleId, dueAt: transition.at, storageClass: transition.storageClass });
      continue;
    }
    // A noncurrent version (or noncurrent delete marker).
    const since = item.noncurrentSince ?? item.lastModified;
    const newer = item.newerNoncurrentVersions ?? 0;
    const nve = rule.NoncurrentVersionExpiration;
    if (nve?.NoncurrentDays !== undefined && newer >= (nve.NewerNoncurrentVersions ?? 0)) {
      const dueAt = dueAfterDays(since, nve.NoncurrentDays);
      if (due(dueAt)) out.push({ action: 'expire-noncurrent', ruleId, dueAt });
    }
    if (!item.isDeleteMarker) {
      const transition = latestDue(
        (rule.NoncurrentVersionTransitions ?? [])
          .filter((t) => newer >= (t.NewerNoncurrentVersions ?? 0))
          .map((t) => ({ at: dueAfterDays(since, t.NoncurrentDays ?? 0), storageClass: t.StorageClass })),
        now,
      );
      if (transition) out.push({ action: 'transition', ruleId, dueAt: transition.at, storageClass: transition.storageClass });
    }
  }
  return out;
}

/** Of the transitions already due, the one due last (the class the version should be in now). */
function latestDue(candidates: readonly { at: Date | undefined; storageClass: string | undefined }[], now: Date): { at: Date; storageClass: string } | undefined {
  let best: { at: Date; storageClass: string } | undefined;
  for (const c of candidates) {
    if (!c.at || !c.storageClass || c.at.getTime() > now.getTime()) continue;
    if (!best || c.at.getTime() >= best.at.getTime()) best = { at: c.at, storageClass: c.storageClass };
  }
  return best;
}
