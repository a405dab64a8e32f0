/**
 * The SigV4 signing key, HMAC-SHA256 chained over date, region, service and `aws4_request`:
 *   kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#derive-signing-key
 *
 * Four HMACs per request add up, and a client signs with the same key all day, so derived keys
 * are cached (bounded; the oldest entry goes first).
 */
import * as crypto from 'node:crypto';
import { createHash, createHmac } from 'node:crypto';

const MAX_KEYS = 1024;
const keys = new Map<string, Buffer>();

export function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'latin1').digest();
}

/** One-shot `crypto.hash` (Node ≥ 20.12) costs about half of a createHash object per call. */
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : undefined;

/** Hex SHA-256 of bytes, or of a string in the given encoding. */
export function sha256Hex(data: string | Buffer, encoding: BufferEncoding = 'utf8'): string {
  if (typeof data === 'string' && encoding !== 'utf8') data = Buffer.from(data, encoding);
  return oneShot ? oneShot('sha256', data, 'hex') : createHash('sha256').update(data).digest('hex');
}

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const cacheKey = `${date}\0${region}\0${service}\0${secretAccessKey}`;
  let key = keys.get(cacheKey);
  if (key === undefined) {
    const kDate = createHmac('sha256', 'AWS4' + secretAccessKey).update(date, 'utf8').digest();
    key = hmac(hmac(hmac(kDate, region), service), 'aws4_request');
    if (keys.size >= MAX_KEYS) keys.delete(keys.keys().next().value!);
    keys.set(cacheKey, key);
  }
  return key;
}

/**
 * Compares a signature we computed (lower-case hex) with the one provided without stopping at the
 * first difference (the length of a hex signature is no secret). Cheaper than two Buffers and
 * timingSafeEqual for 64 characters.
 */
export function sameSignature(expectedHex: string, provided: string): boolean {
  if (expectedHex.length !== provided.length) return false;
  let diff = 0;
  for (let i = 0; i < expectedHex.length; i++) diff |= expectedHex.charCodeAt(i) ^ provided.charCodeAt(i);
  return diff === 0;
}
