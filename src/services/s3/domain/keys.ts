/**
 * Object keys: any UTF-8 up to 1024 bytes, stored and returned exactly as given (spaces, `+`,
 * `%`, `..`, leading or doubled slashes included). Keys never reach the filesystem; blobs are
 * named by random ids.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html
 */
import { S3Errors } from './errors.js';

export const MAX_KEY_BYTES = 1024;

/** Throws KeyTooLongError for a key over 1024 bytes of UTF-8. */
export function checkKey(key: string): void {
  // Most keys are short: skip the byte count when even 3 bytes per UTF-16 unit fits.
  if (key.length * 3 <= MAX_KEY_BYTES) return;
  const size = Buffer.byteLength(key, 'utf8');
  if (size > MAX_KEY_BYTES) throw S3Errors.keyTooLong(size);
}

/** Compares two strings in UTF-8 byte order, the order S3 lists keys in. */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Percent-encodes a key (or prefix, delimiter, marker) for `EncodingType=url` answers: every
 * byte but unreserved characters and `/` is escaped; a space is `%20`, `+` is `%2B`.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html#API_ListObjectsV2_RequestSyntax
 */
export function urlEncodeKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2F/g, '/');
}
