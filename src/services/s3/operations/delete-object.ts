import { S3Errors } from '../domain/errors.js';
import { CoreErrors } from '../domain/errors-core.js';
import { checkKey } from '../domain/keys.js';
import { isLocked } from '../domain/object-retention.js';
import { isWellFormedVersionId, visibleVersionId } from '../domain/versions.js';
import type { DeleteObjectOutput, DeleteObjectRequest } from '../generated/types.js';
import type { Bucket } from '../store/buckets.js';
import { requireBucket, type Ctx } from './common/context.js';

export interface DeleteOutcome {
  DeleteMarker?: boolean;
  VersionId?: string;
  /** For DeleteObjects: the delete marker's version id when one was created. */
  DeleteMarkerVersionId?: string;
}

/**
 * Deletes a key, or one version of it, inside the caller's transaction; returns what S3
 * answers and the blobs to discard after the commit.
 * - without versionId: unversioned buckets remove the object; Enabled buckets add a delete
 *   marker; Suspended buckets replace the null version with a null delete marker;
 * - with versionId: that version (or delete marker) is removed for good, unless Object Lock
 *   protects it; a version that does not exist is no error.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectVersions.html
 */
export function deleteInTransaction(
  ctx: Ctx,
  bucket: Bucket,
  key: string,
  versionId: string | undefined,
  bypassGovernance: boolean,
  now: Date,
): { outcome: DeleteOutcome; garbage: string[] } {
  const objects = ctx.store.objects;
  if (versionId !== undefined) {
    const record = objects.version(bucket, key, versionId);
    if (!record) return { outcome: { VersionId: versionId }, garbage: [] };
    if (!record.deleteMarker && isLocked(record, now, bypassGovernance)) throw CoreErrors.objectLocked();
    const garbage = objects.deleteVersion(record);
    return { outcome: { VersionId: versionId, DeleteMarker: record.deleteMarker ? true : undefined }, garbage };
  }
  if (bucket.versioning === undefined) {
    const current = objects.current(bucket, key);
    if (!current) return { outcome: {}, garbage: [] };
    if (isLocked(current, now, bypassGovernance)) throw CoreErrors.objectLocked();
    return { outcome: {}, garbage: objects.deleteVersion(current) };
  }
  const { record, garbage } = objects.putDeleteMarker(bucket, key, ctx.accountId, now);
  const id = visibleVersionId(bucket.versioning, record.versionId);
  return { outcome: { DeleteMarker: true, VersionId: id, DeleteMarkerVersionId: id }, garbage };
}

/**
 * DeleteObject: 204 whether or not the key existed.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html
 */
export async function deleteObject(input: DeleteObjectRequest, ctx: Ctx): Promise<DeleteObjectOutput> {
  requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  checkKey(input.Key);
  if (input.VersionId !== undefined && !isWellFormedVersionId(input.VersionId)) throw CoreErrors.invalidVersionId(input.VersionId);
  const now = ctx.now();
  const { outcome, garbage } = await ctx.store.transaction(() => {
    const bucket = ctx.store.buckets.get(input.Bucket);
    if (!bucket) throw S3Errors.noSuchBucket(input.Bucket);
    return deleteInTransaction(ctx, bucket, input.Key, input.VersionId, input.BypassGovernanceRetention === true, now);
  });
  await ctx.store.reclaimer.discard(garbage);
  return { DeleteMarker: outcome.DeleteMarker, VersionId: outcome.VersionId };
}
