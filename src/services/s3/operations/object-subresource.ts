/**
 * What the object subresource handlers (tags, ACL, Object Lock, attributes, restore) start with:
 * the bucket, the key, and the version the request names (the current one, or `versionId`).
 *
 * Delete markers carry no subresources. Named by versionId, a delete marker is MethodNotAllowed
 * (405, `x-amz-delete-marker: true`). As the key's current version it is MethodNotAllowed for
 * tagging and Object Lock, and answers like a deleted object (NoSuchKey, 404, with
 * `x-amz-delete-marker: true`) for ACLs, attributes and restore, as AWS does.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeleteMarker.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectAttributes.html
 *
 * Writes re-read the bucket and the version inside their transaction and change only the
 * version's attributes document: no new version, no new Last-Modified.
 */
import { CoreErrors } from '../domain/errors-core.js';
import { S3Errors } from '../domain/errors.js';
import { checkKey } from '../domain/keys.js';
import { isWellFormedVersionId, visibleVersionId } from '../domain/versions.js';
import type { Bucket } from '../store/buckets.js';
import type { ObjectAttributes, ObjectRecord } from '../store/object-records.js';
import { requireBucket, type Ctx } from './common/context.js';

export interface ObjectRequest {
  Bucket: string;
  Key: string;
  VersionId?: string;
  ExpectedBucketOwner?: string;
}

/** How a current delete marker answers: like a deleted object, or as a method it does not allow. */
export type CurrentMarkerAnswer = 'no-such-key' | 'method-not-allowed';

export interface Subject {
  bucket: Bucket;
  record: ObjectRecord;
}

function markerHeaders(marker: ObjectRecord, bucket: Bucket): Record<string, string> {
  const h: Record<string, string> = { 'x-amz-delete-marker': 'true', 'last-modified': marker.lastModified.toUTCString() };
  const v = visibleVersionId(bucket.versioning, marker.versionId);
  if (v !== undefined) h['x-amz-version-id'] = v;
  return h;
}

/** The version `input` names in `bucket`, or S3's error. */
export function findSubject(ctx: Ctx, bucket: Bucket, input: ObjectRequest, method: string, currentMarker: CurrentMarkerAnswer): ObjectRecord {
  const { Key: key, VersionId: versionId } = input;
  if (versionId !== undefined) {
    const record = ctx.store.objects.version(bucket, key, versionId);
    if (!record) throw S3Errors.noSuchVersion(key, versionId);
    if (record.deleteMarker) throw CoreErrors.deleteMarkerNotAllowed(method, markerHeaders(record, bucket));
    return record;
  }
  const record = ctx.store.objects.current(bucket, key);
  if (!record) throw S3Errors.noSuchKey(key);
  if (record.deleteMarker) {
    if (currentMarker === 'no-such-key') throw CoreErrors.deleteMarkerNoSuchKey(key, markerHeaders(record, bucket));
    throw CoreErrors.deleteMarkerNotAllowed(method, markerHeaders(record, bucket));
  }
  return record;
}

/** Checks the request's own fields (key length, version id form) and finds the bucket. */
export function subjectBucket(ctx: Ctx, input: ObjectRequest): Bucket {
  const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  checkKey(input.Key);
  if (input.VersionId !== undefined && !isWellFormedVersionId(input.VersionId)) throw CoreErrors.invalidVersionId(input.VersionId);
  return bucket;
}

/** Reads the version a request names. */
export function readSubject(ctx: Ctx, input: ObjectRequest, method: string, currentMarker: CurrentMarkerAnswer): Subject {
  const bucket = subjectBucket(ctx, input);
  return { bucket, record: findSubject(ctx, bucket, input, method, currentMarker) };
}

/**
 * Changes the attributes of the version a request names, atomically: `change` sees the version
 * as it is inside the transaction and returns the attributes to merge (undefined values remove
 * them) or throws S3's error.
 */
export async function updateSubject(
  ctx: Ctx,
  input: ObjectRequest,
  method: string,
  currentMarker: CurrentMarkerAnswer,
  change: (record: ObjectRecord, bucket: Bucket) => Partial<ObjectAttributes>,
): Promise<Subject> {
  subjectBucket(ctx, input);
  return ctx.store.transaction(() => {
    const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
    const record = findSubject(ctx, bucket, input, method, currentMarker);
    return { bucket, record: ctx.store.objects.updateAttributes(record, change(record, bucket)) };
  });
}

/** The VersionId an answer carries: none in a bucket that never had versioning. */
export function answeredVersionId(subject: Subject): string | undefined {
  return visibleVersionId(subject.bucket.versioning, subject.record.versionId);
}
