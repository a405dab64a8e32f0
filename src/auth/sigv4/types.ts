/**
 * What the SigV4 verifier reads from a request, what it needs to know about the service, and what
 * it hands back to later steps (chunk signatures, session checks).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { AuthErrors } from '../errors.js';
import type { SignedCredential } from '../credentials.js';

export const HMAC_ALGORITHM = 'AWS4-HMAC-SHA256';
export const ECDSA_ALGORITHM = 'AWS4-ECDSA-P256-SHA256';

/** The request as received; `HttpRequest` (protocol/protocols/types.ts) satisfies it. */
export interface SigV4Request {
  readonly method: string;
  /** The path as the client sent it (percent-encoded, no query). Falls back to `path`. */
  readonly rawPath?: string;
  readonly path: string;
  /** The query string as received, without `?`. */
  readonly rawQuery: string;
  /** Lower-case names, as node:http gives them (duplicates joined with ", " or dropped). */
  readonly headers: IncomingHttpHeaders;
}

export interface SigV4Options {
  /** The service's error style and rules: `authErrors(serviceId, protocol)`. */
  readonly errors: AuthErrors;
  /** Server time, epoch ms. */
  readonly now: number;
  /**
   * `IncomingMessage.rawHeaders`. Needed only to sign repeated headers exactly (node joins most
   * with ", " and keeps only the first of some, e.g. content-type); used only when the request
   * has repeated headers.
   */
  readonly rawHeaders?: readonly string[];
  /** Remove `.`, `..` and empty path segments before encoding. Default: every service but S3. */
  readonly normalizePath?: boolean;
  /** Encode the received path once more (`%` → `%25`). Default: every service but S3. */
  readonly encodePathTwice?: boolean;
  /** The signing name the scope must carry (catalog `signingName`); unchecked when absent. */
  readonly signingName?: string;
  /** The region the scope must carry; unchecked when absent (Nimbus takes the region from the scope). */
  readonly expectedRegion?: string;
  /**
   * Services that take `X-Amz-Security-Token` outside the signature of a presigned URL (AWS IoT's
   * WebSocket URLs): leave it out of the canonical query. Default false.
   */
  readonly unsignedSessionTokenQuery?: boolean;
}

/** Everything the checks before the body found, ready for the signature once the payload hash is known. */
export interface SigV4Prepared {
  readonly credential: SignedCredential;
  readonly errors: AuthErrors;
  /** X-Amz-Date (or the Date header rewritten in that form): the string to sign's timestamp. */
  readonly amzDate: string;
  /** Epoch ms of amzDate. */
  readonly requestTime: number;
  /** `20150830/us-east-1/iam/aws4_request` (SigV4a: `20150830/iam/aws4_request`). */
  readonly scope: string;
  /** The canonical request up to (not including) the payload hash line. */
  readonly canonicalPrefix: string;
  /** How to turn the canonical request into bytes: latin1 keeps node's header bytes as sent. */
  readonly encoding: BufferEncoding;
  /** SigV4a's X-Amz-Region-Set, split on commas. */
  readonly regionSet?: readonly string[];
  /** Presigned URLs: X-Amz-Content-Sha256 if the URL carries one. */
  readonly queryContentSha256?: string;
}

export interface SigV4Verified {
  readonly algorithm: typeof HMAC_ALGORITHM | typeof ECDSA_ALGORITHM;
  readonly accessKeyId: string;
  /** The derived HMAC key for this date/region/service (chunk and trailer signatures). Undefined for SigV4a. */
  readonly signingKey: Buffer | undefined;
  readonly amzDate: string;
  readonly requestTime: number;
  readonly scope: string;
  /** The request's own signature: the first "previous signature" of a chunked upload. */
  readonly seedSignature: string;
  readonly payloadHash: string;
  readonly regionSet?: readonly string[];
}
