/**
 * The last line of the canonical request: the payload hash. S3 takes it from x-amz-content-sha256
 * (a hex SHA-256, UNSIGNED-PAYLOAD, or one of the STREAMING-* modes of aws-chunked bodies) and
 * checks the body against it as the body streams in; presigned S3 URLs use UNSIGNED-PAYLOAD unless
 * they carry X-Amz-Content-Sha256. Other services hash the body they received (presigned URLs
 * included: STS expects the empty-body hash on a presigned GetCallerIdentity).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { AuthErrors } from '../errors.js';
import { EMPTY_SHA256, sha256Hex } from './signing-key.js';
import type { SigV4Prepared, SigV4Request } from './types.js';

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const STREAMING_PAYLOAD = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
export const STREAMING_PAYLOAD_TRAILER = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
export const STREAMING_UNSIGNED_PAYLOAD_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';
export const STREAMING_ECDSA_PAYLOAD = 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD';
export const STREAMING_ECDSA_PAYLOAD_TRAILER = 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER';

const KEYWORDS = new Set([
  UNSIGNED_PAYLOAD,
  STREAMING_PAYLOAD,
  STREAMING_PAYLOAD_TRAILER,
  STREAMING_UNSIGNED_PAYLOAD_TRAILER,
  STREAMING_ECDSA_PAYLOAD,
  STREAMING_ECDSA_PAYLOAD_TRAILER,
]);

export function isHexSha256(value: string): boolean {
  if (value.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = value.charCodeAt(i) | 0x20; // fold A-F to a-f
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** A value S3 accepts in x-amz-content-sha256. */
export function isContentSha256Value(value: string): boolean {
  return KEYWORDS.has(value) || isHexSha256(value);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Whether the request has no body at all (so its hash is known without reading it). */
function hasNoBody(headers: IncomingHttpHeaders): boolean {
  const length = headers['content-length'];
  return (length === undefined || length === '0') && headers['transfer-encoding'] === undefined;
}

/**
 * The payload hash to sign with. Returns undefined when it depends on a body that was not passed:
 * read the body, then call again with it.
 */
export function payloadHashFor(req: SigV4Request, prepared: SigV4Prepared, body?: Buffer): string | undefined {
  const sent = header(req.headers, 'x-amz-content-sha256');
  if (prepared.errors.family === 's3') {
    if (prepared.credential.form === 'query') return prepared.queryContentSha256 ?? UNSIGNED_PAYLOAD;
    return sent ?? UNSIGNED_PAYLOAD; // precheck refused a missing header already
  }
  // A keyword (UNSIGNED-PAYLOAD, STREAMING-… incl. event streams' STREAMING-AWS4-HMAC-SHA256-EVENTS)
  // is what the client signed; a hex value must be the body's real hash, so the body is hashed
  // rather than trusted.
  if (sent !== undefined && (sent === UNSIGNED_PAYLOAD || sent.startsWith('STREAMING-'))) return sent;
  if (body !== undefined) return body.length === 0 ? EMPTY_SHA256 : sha256Hex(body);
  return hasNoBody(req.headers) ? EMPTY_SHA256 : undefined;
}

export type StreamingMode = 'signed' | 'signed-trailer' | 'unsigned-trailer';

/** The aws-chunked flavour a payload hash announces, if any (SigV4a streaming is not supported). */
export function streamingMode(payloadHash: string): StreamingMode | undefined {
  switch (payloadHash) {
    case STREAMING_PAYLOAD:
      return 'signed';
    case STREAMING_PAYLOAD_TRAILER:
      return 'signed-trailer';
    case STREAMING_UNSIGNED_PAYLOAD_TRAILER:
      return 'unsigned-trailer';
    default:
      return undefined;
  }
}

/** For a body already in memory: throws XAmzContentSHA256Mismatch when it does not hash to `expected`. */
export function checkContentSha256(body: Buffer, expected: string, errors: AuthErrors): void {
  const computed = body.length === 0 ? EMPTY_SHA256 : sha256Hex(body);
  if (computed !== expected.toLowerCase()) throw errors.contentSha256Mismatch(expected, computed);
}
