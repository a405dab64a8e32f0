/**
 * Multipart upload rules: part numbers 1–10,000; every part but the last at least 5 MiB; parts
 * listed in ascending order, each naming an uploaded part by its ETag; the object's ETag is the
 * MD5 of the parts' binary MD5s followed by `-<number of parts>`.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html
 */
import { createHash, randomBytes } from 'node:crypto';
import type { CompletedPart } from '../generated/types.js';
import type { UploadPartRecord } from '../store/uploads.js';
import { CoreErrors } from './errors-core.js';
import { S3Errors } from './errors.js';

export const MAX_PART_NUMBER = 10_000;
export const MIN_PART_SIZE = 5 * 1024 * 1024;

/** A new opaque upload id (URL-safe). */
export function newUploadId(): string {
  return randomBytes(48).toString('base64url');
}

export function checkPartNumber(n: number | undefined): number {
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > MAX_PART_NUMBER) throw CoreErrors.partNumberOutOfRange(n ?? '');
  return n;
}

function unquote(etag: string): string {
  return etag.trim().replace(/^"(.*)"$/, '$1');
}

/**
 * The uploaded parts a CompleteMultipartUpload request names, in order, checked as S3 checks
 * them: order first, then each part's existence and ETag, then sizes.
 */
export function chooseParts(uploadId: string, requested: readonly CompletedPart[] | undefined, uploaded: ReadonlyMap<number, UploadPartRecord>): UploadPartRecord[] {
  if (!requested || requested.length === 0) throw S3Errors.malformedXml();
  let previous = 0;
  for (const p of requested) {
    if (p.PartNumber === undefined || p.ETag === undefined) throw S3Errors.malformedXml();
    if (p.PartNumber <= previous) throw S3Errors.invalidPartOrder(uploadId);
    previous = p.PartNumber;
  }
  const chosen: UploadPartRecord[] = [];
  for (const p of requested) {
    const part = uploaded.get(p.PartNumber!);
    if (!part || part.etag !== unquote(p.ETag!)) throw S3Errors.invalidPart(uploadId, p.PartNumber!, p.ETag);
    chosen.push(part);
  }
  chosen.forEach((part, i) => {
    if (i < chosen.length - 1 && part.size < MIN_PART_SIZE) throw S3Errors.entityTooSmall(part.size, MIN_PART_SIZE, part.partNumber, `"${part.etag}"`);
  });
  return chosen;
}

/** The multipart ETag (unquoted): hex MD5 of the concatenated binary part MD5s, `-N`. */
export function multipartEtag(partEtags: readonly string[]): string {
  const md5 = createHash('md5');
  for (const e of partEtags) md5.update(Buffer.from(e, 'hex'));
  return `${md5.digest('hex')}-${partEtags.length}`;
}
