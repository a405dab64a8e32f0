/**
 * One batch of the lifecycle sweep over a bucket's object versions, run inside one transaction:
 * whole keys (every version and delete marker of a key, newest first) in key order, from just
 * after the last key of the previous batch, until about BATCH_VERSIONS versions are done.
 *
 * Per key, what lifecycleActionsDue (domain/lifecycle.ts) says is due, applied as AWS does:
 * - noncurrent versions: NoncurrentVersionExpiration deletes them for good (NoncurrentDays after
 *   their successor was written, keeping NewerNoncurrentVersions of them), noncurrent transitions
 *   change their storage class;
 * - the current version: Expiration deletes it in a bucket that never had versioning and adds a
 *   delete marker in a versioned one; transitions change its storage class;
 * - a current delete marker with nothing behind it ("expired object delete marker") is removed by
 *   ExpiredObjectDeleteMarker, and by an Expiration with Days or Date once it is that old
 *   (AWS: "If the lifecycle configuration is set to delete current versions, or the
 *   ExpiredObjectDeleteMarker action is explicitly set, Amazon S3 removes the expired object's
 *   delete marker" — https://docs.aws.amazon.com/AmazonS3/latest/userguide/ManagingDelMarkers.html).
 * Versions under Object Lock (legal hold, retention in force) are never deleted; a delete marker
 * may still hide them, as it may for any client.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html
 */
import { dueAfterDays, lifecycleActionsDue, ruleApplies, type LifecycleAction, type LifecycleItem } from '../domain/lifecycle.js';
import type { StoredLifecycle } from '../domain/lifecycle-config.js';
import { transitionAllowed } from '../domain/lifecycle-transitions.js';
import { isLocked } from '../domain/object-retention.js';
import type { LifecycleRule, StorageClass } from '../generated/types.js';
import type { S3Store } from '../store.js';
import type { Bucket } from '../store/buckets.js';
import type { ObjectRecord } from '../store/object-records.js';
import type { ScanStart } from '../store/objects.js';
import { emptyReport, type SweepReport } from './report.js';

/** Versions per transaction: small enough to keep the event loop responsive between batches. */
export const BATCH_VERSIONS = 100;

export interface BatchContext {
  store: S3Store;
  bucket: Bucket;
  lifecycle: StoredLifecycle;
  now: Date;
}

export interface BatchResult {
  /** Blobs the batch's deletions freed, for discarding once it has committed. */
  garbage: string[];
  report: SweepReport;
  /** The last key done; undefined once the bucket has no more. */
  next: string | undefined;
}

interface KeyGroup {
  key: string;
  /** Newest first; the scan does not load attributes. */
  versions: ObjectRecord[];
}

function collect(store: S3Store, bucket: Bucket, after: string | undefined, limit: number): { groups: KeyGroup[]; more: boolean } {
  const start: ScanStart = after === undefined ? { key: '', inclusive: true } : { key: after, inclusive: false };
  const groups: KeyGroup[] = [];
  let count = 0;
  // Nothing may be written while the scan's statement is open: collect first, act after.
  for (const v of store.objects.scanVersions(bucket, start)) {
    const last = groups.at(-1);
    if (last?.key === v.key) last.versions.push(v);
    else if (count >= limit) return { groups, more: true };
    else groups.push({ key: v.key, versions: [v] });
    count++;
  }
  return { groups, more: false };
}

function usesTags(rules: readonly LifecycleRule[]): boolean {
  return rules.some((r) => r.Filter?.Tag !== undefined || (r.Filter?.And?.Tags?.length ?? 0) > 0);
}

class KeySweep {
  readonly garbage: string[] = [];
  readonly report = emptyReport();
  private readonly rules: readonly LifecycleRule[];
  private readonly withTags: boolean;

  constructor(private readonly c: BatchContext) {
    this.rules = c.lifecycle.Rules;
    this.withTags = usesTags(this.rules);
  }

  /** The version with its attributes (tags, lock), read only when needed. */
  private full(v: ObjectRecord): ObjectRecord {
    return this.c.store.objects.version(this.c.bucket, v.key, v.versionId) ?? v;
  }

  private item(v: ObjectRecord, extra: Partial<Extract<LifecycleItem, { kind: 'version' }>>): LifecycleItem {
    const tags = Object.fromEntries((v.attributes.tags ?? []).map((t) => [t.Key, t.Value]));
    return { kind: 'version', key: v.key, size: v.size, tags, lastModified: v.lastModified, isLatest: v.isLatest, isDeleteMarker: v.deleteMarker, ...extra };
  }

  /** Deletes a version for good unless Object Lock protects it. */
  private remove(v: ObjectRecord): boolean {
    const record = this.full(v);
    if (!record.deleteMarker && isLocked(record, this.c.now, false)) {
      this.report.lockedSkipped++;
      return false;
    }
    this.garbage.push(...this.c.store.objects.deleteVersion(record));
    return true;
  }

  private transition(v: ObjectRecord, actions: readonly LifecycleAction[]): void {
    const due = actions.filter((a): a is Extract<LifecycleAction, { action: 'transition' }> => a.action === 'transition').sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime());
    for (const t of due) {
      const rule = this.rules.find((r) => r.ID === t.ruleId);
      if (!transitionAllowed(v.storageClass, t.storageClass, v.size, rule, this.c.lifecycle.TransitionDefaultMinimumObjectSize)) continue;
      this.c.store.objects.setStorageClass(v, t.storageClass as StorageClass);
      this.report.transitioned++;
      return;
    }
  }

  /** Whether an Expiration with Days or Date removes this expired object delete marker. */
  private markerExpired(marker: ObjectRecord): boolean {
    const item = this.item(marker, { isLatest: true, isDeleteMarker: true, onlyVersionLeft: true });
    if (lifecycleActionsDue(this.rules, item, this.c.now).some((a) => a.action === 'remove-delete-marker')) return true;
    return this.rules.some((rule) => {
      const e = rule.Expiration;
      if (!e || !ruleApplies(rule, item)) return false;
      const dueAt = e.Days !== undefined ? dueAfterDays(marker.lastModified, e.Days) : e.Date;
      return dueAt !== undefined && dueAt.getTime() <= this.c.now.getTime();
    });
  }

  private expireCurrent(v: ObjectRecord): void {
    const { store, bucket, now } = this.c;
    if (bucket.versioning === undefined) {
      if (this.remove(v)) this.report.currentExpired++;
      return;
    }
    // Lifecycle acts as the bucket owner; the marker is the key's new current version.
    const { garbage } = store.objects.putDeleteMarker(bucket, v.key, bucket.accountId, now);
    this.garbage.push(...garbage);
    this.report.currentExpired++;
    this.report.deleteMarkersAdded++;
  }

  sweep(group: KeyGroup): void {
    const versions = this.withTags ? group.versions.map((v) => this.full(v)) : group.versions;
    const [latest, ...older] = versions;
    if (!latest) return;
    let left = 0;
    let newerNoncurrent = 0;
    let successor = latest;
    for (const v of older) {
      const actions = lifecycleActionsDue(this.rules, this.item(v, { isLatest: false, noncurrentSince: successor.lastModified, newerNoncurrentVersions: newerNoncurrent }), this.c.now);
      successor = v;
      if (actions.some((a) => a.action === 'expire-noncurrent') && this.remove(v)) {
        this.report.noncurrentExpired++;
        continue;
      }
      left++;
      if (!v.deleteMarker) {
        newerNoncurrent++;
        this.transition(v, actions);
      }
    }
    if (latest.deleteMarker) {
      if (left === 0 && this.markerExpired(latest)) {
        this.c.store.objects.deleteVersion(latest);
        this.report.deleteMarkersRemoved++;
      }
      return;
    }
    const actions = lifecycleActionsDue(this.rules, this.item(latest, { isLatest: true }), this.c.now);
    if (actions.some((a) => a.action === 'expire-current')) this.expireCurrent(latest);
    else this.transition(latest, actions);
  }
}

/** Sweeps the keys after `after` (from the first key when undefined). Call inside S3Store.transaction. */
export function sweepVersionBatch(c: BatchContext, after: string | undefined, limit = BATCH_VERSIONS): BatchResult {
  const { groups, more } = collect(c.store, c.bucket, after, limit);
  const keys = new KeySweep(c);
  for (const g of groups) keys.sweep(g);
  return { garbage: keys.garbage, report: keys.report, next: more ? groups.at(-1)?.key : undefined };
}
