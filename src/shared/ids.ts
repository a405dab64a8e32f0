/** Identifiers in the forms AWS uses. */
import { randomBytes, randomUUID } from 'node:crypto';

/** `x-amzn-RequestId`: a UUID. */
export function requestId(): string {
  return randomUUID();
}

/** S3's `x-amz-request-id`: 16 upper-case hex characters. */
export function s3RequestId(): string {
  return randomBytes(8).toString('hex').toUpperCase();
}

/** S3's `x-amz-id-2`: an opaque base64 host id. */
export function s3HostId(): string {
  return randomBytes(54).toString('base64');
}
