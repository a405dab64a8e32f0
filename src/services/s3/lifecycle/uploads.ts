/**
 * One batch of the lifecycle sweep over a bucket's incomplete multipart uploads, run inside one
 * transaction: AbortIncompleteMultipartUpload aborts an upload DaysAfterInitiation days after it
 * was created (rounded up to the next midnight UTC), freeing its parts, as AbortMultipartUpload
 * would. Rules with tag filters never apply: uploads have no tags.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpu-abort-incomplete-mpu-lifecycle-config.html
 */
import { lifecycleActionsDue } from '../domain/lifecycle.js';
import type { ScanStart } from '../store/objects.js';
import type { UploadRecord } from '../store/uploads.js';
import { emptyReport } from './report.js';
import type { BatchContext, BatchResult } from './versions.js';

export const BATCH_UPLOADS = 100;

/** Sweeps the uploads of the keys after `after` (from the first key when undefined). Call inside S3Store.transaction. */
export function sweepUploadBatch(c: BatchContext, after: string | undefined, limit = BATCH_UPLOADS): BatchResult {
  const start: ScanStart = after === undefined ? { key: '', inclusive: true } : { key: after, inclusive: false };
  const uploads: UploadRecord[] = [];
  let more = false;
  // Whole keys per batch, so the next batch can start after the last key.
  for (const u of c.store.uploads.scan(c.bucket, start)) {
    if (uploads.length >= limit && uploads.at(-1)!.key !== u.key) {
      more = true;
      break;
    }
    uploads.push(u);
  }
  const report = emptyReport();
  const garbage: string[] = [];
  for (const u of uploads) {
    const due = lifecycleActionsDue(c.lifecycle.Rules, { kind: 'upload', key: u.key, initiated: u.initiated }, c.now);
    if (!due.some((a) => a.action === 'abort-upload')) continue;
    garbage.push(...c.store.uploads.remove(u));
    report.uploadsAborted++;
  }
  return { garbage, report, next: more ? uploads.at(-1)?.key : undefined };
}
