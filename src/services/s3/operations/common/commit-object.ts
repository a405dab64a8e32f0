/**
 * Commits a new object version whose bytes are already durable in the BlobStore (PutObject,
 * CopyObject, CompleteMultipartUpload): one transaction re-reads the bucket (it may have been
 * deleted or had its versioning changed while the body streamed), checks conditional-write
 * headers against the key's current version, and writes the row. After the commit, blobs the
 * write replaced are discarded; if anything fails, the new blobs are.
 */
import { checkWriteConditions, hasWriteConditions, type WriteConditions } from '../../domain/conditions.js';
import { S3Errors } from '../../domain/errors.js';
import type { Bucket } from '../../store/buckets.js';
import type { NewObject, ObjectPart, ObjectRecord } from '../../store/object-records.js';
import type { Ctx } from './context.js';

export interface CommitOptions {
  conditions?: WriteConditions;
  /** Multipart parts holding the bytes (then `object.blobId` is undefined). */
  parts?: readonly Omit<ObjectPart, 'index'>[];
  /** Blobs this write created: removed if it fails. */
  newBlobs: readonly string[];
  /** More work in the same transaction (CompleteMultipartUpload removes its upload); returns garbage blob ids. */
  alsoInTransaction?: (bucket: Bucket) => string[];
}

export interface Committed {
  record: ObjectRecord;
  /** The bucket as it was when the write committed (its versioning decides the answer's VersionId). */
  bucket: Bucket;
}

/** The current version if it is an object (not a delete marker): what conditional writes test. */
export function liveVersion(record: ObjectRecord | undefined): ObjectRecord | undefined {
  return record && !record.deleteMarker ? record : undefined;
}

export async function commitObject(ctx: Ctx, bucketName: string, key: string, object: NewObject, options: CommitOptions): Promise<Committed> {
  const store = ctx.store;
  let outcome: { committed: Committed; garbage: string[] };
  try {
    outcome = await store.transaction(() => {
      const bucket = store.buckets.get(bucketName);
      if (!bucket) throw S3Errors.noSuchBucket(bucketName);
      if (options.conditions && hasWriteConditions(options.conditions)) checkWriteConditions(options.conditions, key, liveVersion(store.objects.current(bucket, key)));
      const extra = options.alsoInTransaction?.(bucket) ?? [];
      const { record, garbage } = store.objects.put(bucket, key, object, options.parts);
      return { committed: { record, bucket }, garbage: [...garbage, ...extra] };
    });
  } catch (e) {
    await store.reclaimer.discard(options.newBlobs);
    throw e;
  }
  await store.reclaimer.discard(outcome.garbage);
  return outcome.committed;
}
