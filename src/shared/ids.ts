/** Identifiers in the forms AWS uses. */
import { randomFillSync, randomUUID } from 'node:crypto';

/** `x-amzn-RequestId`: a UUID. */
export function requestId(): string {
  return randomUUID();
}

// S3 needs 62 random bytes per request: taken from a pool refilled in one call, because a
// randomBytes() call per id cost more than the rest of a small GetObject's id handling.
const POOL = Buffer.allocUnsafe(8192);
let poolOffset = POOL.length;

function randomSlice(n: number): Buffer {
  if (poolOffset + n > POOL.length) {
    randomFillSync(POOL);
    poolOffset = 0;
  }
  const slice = POOL.subarray(poolOffset, poolOffset + n);
  poolOffset += n;
  return slice;
}

/** S3's `x-amz-request-id`: 16 upper-case hex characters. */
export function s3RequestId(): string {
  return randomSlice(8).toString('hex').toUpperCase();
}

/** S3's `x-amz-id-2`: an opaque base64 host id. */
export function s3HostId(): string {
  return randomSlice(54).toString('base64');
}
