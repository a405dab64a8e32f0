/**
 * What GetObject and HeadObject share: finding the version asked for (delete markers answer
 * 404 NoSuchKey, or 405 when named by versionId, with `x-amz-delete-marker: true`), the SSE-C key
 * check, the conditional headers, and the byte range (Range header or partNumber) to serve.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 */
import { checkReadConditions, type ReadConditions } from '../../domain/conditions.js';
import { CoreErrors } from '../../domain/errors-core.js';
import { S3Errors } from '../../domain/errors.js';
import { checkKey } from '../../domain/keys.js';
import { checkReadKey, type EncryptionHeaders } from '../../domain/object-encryption.js';
import { contentRange, resolveRange, type ByteRange } from '../../domain/ranges.js';
import { isWellFormedVersionId, visibleVersionId } from '../../domain/versions.js';
import type { StoredChecksum } from '../../domain/integrity.js';
import type { Bucket } from '../../store/buckets.js';
import type { ObjectRecord } from '../../store/object-records.js';
import { requireBucket, type Ctx } from './context.js';
import { objectHeaders, type ResponseOverrides } from './object-output.js';
import { expirationHeader } from '../../domain/lifecycle-expiration.js';
import type { StoredLifecycle } from '../../domain/lifecycle-config.js';
import type { HeadObjectOutput } from '../../generated/types.js';

export interface ReadRequest extends ReadConditions, Pick<EncryptionHeaders, 'SSECustomerAlgorithm' | 'SSECustomerKey' | 'SSECustomerKeyMD5'> {
  Bucket: string;
  Key: string;
  VersionId?: string;
  Range?: string;
  PartNumber?: number;
  ExpectedBucketOwner?: string;
  ChecksumMode?: string;
}

export interface ReadTarget {
  bucket: Bucket;
  record: ObjectRecord;
  /** The bytes to serve; undefined for the whole object. */
  range: ByteRange | undefined;
  /** Content-Range, for a range or a part. */
  contentRange: string | undefined;
  /** x-amz-mp-parts-count, when a part was asked for. */
  partsCount: number | undefined;
  /** The checksum to answer (only with ChecksumMode ENABLED, and only for the whole object or a part). */
  checksum: StoredChecksum | undefined;
}

const MAX_PART_NUMBER = 10_000;

function markerHeaders(marker: ObjectRecord, bucket: Bucket): Record<string, string> {
  const h: Record<string, string> = { 'x-amz-delete-marker': 'true', 'last-modified': marker.lastModified.toUTCString() };
  const v = visibleVersionId(bucket.versioning, marker.versionId);
  if (v !== undefined) h['x-amz-version-id'] = v;
  return h;
}

/** The version a read names: the current one, or `versionId`. A GET loads an inline body with the row. */
export function findVersion(ctx: Ctx, bucket: Bucket, key: string, versionId: string | undefined, method: 'GET' | 'HEAD'): ObjectRecord {
  const withBody = method === 'GET';
  if (versionId !== undefined) {
    if (!isWellFormedVersionId(versionId)) throw CoreErrors.invalidVersionId(versionId);
    const record = ctx.store.objects.version(bucket, key, versionId, withBody);
    if (!record) throw S3Errors.noSuchVersion(key, versionId);
    if (record.deleteMarker) throw CoreErrors.deleteMarkerNotAllowed(method, markerHeaders(record, bucket));
    return record;
  }
  const record = ctx.store.objects.current(bucket, key, withBody);
  if (!record) throw S3Errors.noSuchKey(key);
  if (record.deleteMarker) throw CoreErrors.deleteMarkerNoSuchKey(key, markerHeaders(record, bucket));
  return record;
}

export function readTarget(ctx: Ctx, input: ReadRequest, method: 'GET' | 'HEAD'): ReadTarget {
  const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  checkKey(input.Key);
  const record = findVersion(ctx, bucket, input.Key, input.VersionId, method);
  checkReadKey(record.attributes.customerKey, input);
  checkReadConditions(input, record.etag, record.lastModified);
  const wantChecksum = input.ChecksumMode === 'ENABLED';
  if (input.PartNumber !== undefined) return partTarget(ctx, input, bucket, record, wantChecksum);
  const resolved = resolveRange(input.Range, record.size);
  if (resolved.kind === 'unsatisfiable') throw S3Errors.invalidRange(input.Range!, record.size);
  if (resolved.kind === 'range') {
    return { bucket, record, range: resolved.range, contentRange: contentRange(resolved.range, record.size), partsCount: undefined, checksum: undefined };
  }
  return { bucket, record, range: undefined, contentRange: undefined, partsCount: undefined, checksum: wantChecksum ? record.checksum : undefined };
}

function partTarget(ctx: Ctx, input: ReadRequest, bucket: Bucket, record: ObjectRecord, wantChecksum: boolean): ReadTarget {
  const n = input.PartNumber!;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PART_NUMBER) throw CoreErrors.partNumberOutOfRange(n);
  if (input.Range !== undefined) throw CoreErrors.rangeWithPartNumber();
  if (record.partsCount === undefined) {
    // A single-part object is its own part 1.
    if (n !== 1) throw CoreErrors.invalidPartNumber(n, 1);
    const range = record.size > 0 ? { start: 0, end: record.size - 1 } : undefined;
    return { bucket, record, range, contentRange: range && contentRange(range, record.size), partsCount: undefined, checksum: wantChecksum ? record.checksum : undefined };
  }
  const parts = ctx.store.objects.parts(record);
  if (n > parts.length) throw CoreErrors.invalidPartNumber(n, parts.length);
  let start = 0;
  for (let i = 0; i < n - 1; i++) start += parts[i]!.size;
  const part = parts[n - 1]!;
  const range = part.size > 0 ? { start, end: start + part.size - 1 } : undefined;
  const checksum = wantChecksum && record.checksum?.type === 'COMPOSITE' && part.checksum ? { algorithm: record.checksum.algorithm, value: part.checksum, type: 'COMPOSITE' as const } : undefined;
  return { bucket, record, range, contentRange: range && contentRange(range, record.size), partsCount: parts.length, checksum };
}

/**
 * What GetObject and HeadObject answer alike for a read target: the object's headers,
 * x-amz-expiration, the length served and, for a range or part, 206 with its Content-Range.
 */
export function readAnswer(ctx: Ctx, target: ReadTarget, overrides: ResponseOverrides): HeadObjectOutput {
  const { record, range } = target;
  const answer: HeadObjectOutput = objectHeaders(record, target.bucket, overrides, target.checksum);
  answer.Expiration = expirationHeader(ctx.store.configs.get<StoredLifecycle>(target.bucket, 'lifecycle'), record);
  answer.ContentLength = range ? range.end - range.start + 1 : target.contentRange ? 0 : record.size;
  answer.ContentRange = target.contentRange;
  // A range (or one part of a multipart object) is answered 206 Partial Content.
  answer.StatusCode = target.contentRange ? 206 : undefined;
  answer.PartsCount = target.partsCount;
  return answer;
}
