/**
 * The lifecycle sweep: applies every bucket's lifecycle configuration to its object versions and
 * incomplete multipart uploads as of `now` (versions.ts, uploads.ts say what each rule does).
 * Work is done in batches of whole keys, one transaction each, re-reading the bucket and its
 * configuration every time (a bucket deleted or reconfigured meanwhile is left alone); the blobs
 * a batch freed are deleted only after it has committed, so a crash never leaves a row without
 * its bytes (blobs whose deletion a crash interrupts are swept at the next start-up).
 *
 * AWS runs lifecycle asynchronously, about once a day, acting on what became due by midnight
 * UTC; Nimbus sweeps every `NIMBUS_S3_LIFECYCLE_INTERVAL` seconds (background.ts), and tests call
 * `sweepLifecycle(store, now)` directly with the time they want.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html
 */
import { reviveLifecycle, type StoredLifecycle } from '../domain/lifecycle-config.js';
import type { S3Store } from '../store.js';
import type { Bucket } from '../store/buckets.js';
import { addReport, emptyReport, type SweepReport } from './report.js';
import { sweepUploadBatch } from './uploads.js';
import { sweepVersionBatch, type BatchContext, type BatchResult } from './versions.js';

type Pass = (c: BatchContext, after: string | undefined) => BatchResult;

const PASSES: readonly Pass[] = [sweepVersionBatch, sweepUploadBatch];

async function sweepBucket(store: S3Store, target: Bucket, now: Date, report: SweepReport): Promise<void> {
  for (const pass of PASSES) {
    let after: string | undefined;
    do {
      const batch = await store.transaction(() => {
        const bucket = store.buckets.get(target.name);
        if (!bucket || bucket.id !== target.id) return undefined;
        const stored = store.configs.get<StoredLifecycle>(bucket, 'lifecycle');
        if (!stored) return undefined;
        return pass({ store, bucket, lifecycle: reviveLifecycle(stored), now }, after);
      });
      if (!batch) return;
      await store.reclaimer.discard(batch.garbage);
      addReport(report, batch.report);
      after = batch.next;
    } while (after !== undefined);
  }
}

/** Applies every bucket's lifecycle rules as of `now`; returns what was done. */
export async function sweepLifecycle(store: S3Store, now: Date): Promise<SweepReport> {
  const report = emptyReport();
  for (const bucket of store.buckets.all()) {
    if (!store.configs.get(bucket, 'lifecycle')) continue;
    try {
      await sweepBucket(store, bucket, now, report);
    } catch (e) {
      // One bucket's failure (a bug, storage trouble) must not stop the others.
      store.log.error(`s3 lifecycle: sweeping bucket ${bucket.name} failed`, e);
    }
  }
  return report;
}
