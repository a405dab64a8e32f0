/**
 * Conditional requests, in the order and with the precedence S3 documents:
 * - If-Match decides alone when present (If-Unmodified-Since is then ignored), else
 *   If-Unmodified-Since: failing gives 412;
 * - If-None-Match decides alone when present (If-Modified-Since is then ignored), else
 *   If-Modified-Since: failing gives 304 for GET/HEAD, 412 for copy sources.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html (If-Match … If-Unmodified-Since)
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-requests.html
 * Dates compare at the one-second resolution HTTP dates have.
 */
import { CoreErrors } from './errors-core.js';
import { S3Errors } from './errors.js';

export interface ReadConditions {
  IfMatch?: string;
  IfNoneMatch?: string;
  IfModifiedSince?: Date;
  IfUnmodifiedSince?: Date;
}

/** Whether an `If-Match`/`If-None-Match` list (`*`, or quoted or bare ETags, comma-separated) names `etag` (unquoted). */
export function etagMatches(header: string, etag: string): boolean {
  for (const item of header.split(',')) {
    const t = item.trim().replace(/^W\//, '');
    if (t === '*') return true;
    if (t.replace(/^"(.*)"$/, '$1') === etag) return true;
  }
  return false;
}

function seconds(d: Date): number {
  return Math.floor(d.getTime() / 1000);
}

export type ConditionOutcome = { ok: true } | { ok: false; status: 412; condition: string } | { ok: false; status: 304 };

export function evaluateReadConditions(c: ReadConditions, etag: string, lastModified: Date): ConditionOutcome {
  if (c.IfMatch !== undefined) {
    if (!etagMatches(c.IfMatch, etag)) return { ok: false, status: 412, condition: 'If-Match' };
  } else if (c.IfUnmodifiedSince !== undefined && seconds(lastModified) > seconds(c.IfUnmodifiedSince)) {
    return { ok: false, status: 412, condition: 'If-Unmodified-Since' };
  }
  if (c.IfNoneMatch !== undefined) {
    if (etagMatches(c.IfNoneMatch, etag)) return { ok: false, status: 304 };
  } else if (c.IfModifiedSince !== undefined && seconds(lastModified) <= seconds(c.IfModifiedSince)) {
    return { ok: false, status: 304 };
  }
  return { ok: true };
}

/** Throws S3's answer for GET/HEAD conditions that do not hold (304 carries the ETag and Last-Modified). */
export function checkReadConditions(c: ReadConditions, etag: string, lastModified: Date): void {
  const outcome = evaluateReadConditions(c, etag, lastModified);
  if (outcome.ok) return;
  if (outcome.status === 412) throw S3Errors.preconditionFailed(outcome.condition);
  throw CoreErrors.notModified({ etag: `"${etag}"`, 'last-modified': lastModified.toUTCString() });
}

/** Copy-source conditions (`x-amz-copy-source-if-*`): every failure is 412. */
export function checkCopySourceConditions(c: ReadConditions, etag: string, lastModified: Date): void {
  const outcome = evaluateReadConditions(c, etag, lastModified);
  if (outcome.ok) return;
  if (outcome.status === 412) throw S3Errors.preconditionFailed(`x-amz-copy-source-${outcome.condition}`);
  throw S3Errors.preconditionFailed(c.IfNoneMatch !== undefined ? 'x-amz-copy-source-If-None-Match' : 'x-amz-copy-source-If-Modified-Since');
}

export interface WriteConditions {
  IfMatch?: string;
  IfNoneMatch?: string;
}

/** Whether a write is conditional at all (then the key's current version must be read to check it). */
export function hasWriteConditions(c: WriteConditions): boolean {
  return c.IfMatch !== undefined || c.IfNoneMatch !== undefined;
}

/** Checks that write conditions are of a form S3 supports: If-None-Match only as `*`. */
export function checkWriteConditionsForm(c: WriteConditions): void {
  if (c.IfNoneMatch !== undefined && c.IfNoneMatch.trim() !== '*') throw CoreErrors.ifNoneMatchOnlyStar();
}

/**
 * Conditional writes against the key's current version (undefined, or a delete marker, when
 * the key does not exist): If-None-Match `*` fails when it exists; If-Match fails when it does not
 * (NoSuchKey) or its ETag differs (412).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html
 */
export function checkWriteConditions(c: WriteConditions, key: string, current: { etag: string } | undefined): void {
  if (c.IfNoneMatch !== undefined && current) throw S3Errors.preconditionFailed('If-None-Match');
  if (c.IfMatch !== undefined) {
    if (!current) throw S3Errors.noSuchKey(key);
    if (!etagMatches(c.IfMatch, current.etag)) throw S3Errors.preconditionFailed('If-Match');
  }
}
