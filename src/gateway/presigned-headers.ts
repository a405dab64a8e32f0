/**
 * A presigned URL carries its request's `x-amz-*` headers in the query string: a presigner cannot
 * make a browser or curl send headers, so it moves ("hoists") them into the URL it signs — the
 * SDK for JavaScript v3 puts a PutObject's `x-amz-meta-*`, `x-amz-storage-class`,
 * `x-amz-tagging`, `x-amz-acl` and `x-amz-checksum-*` there. AWS reads such parameters as the
 * headers they stand for, so the object gets that metadata, storage class and tags, and its body
 * is checked against that checksum.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html
 *
 * The signature's own parameters (X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders,
 * -Signature, -Security-Token, -Content-Sha256, -Region-Set) stay parameters. A header the client
 * really sent wins over a parameter of the same name.
 */
import type { IncomingHttpHeaders } from 'node:http';

const SIGNATURE_PARAMETERS = new Set([
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-signedheaders',
  'x-amz-signature',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'x-amz-region-set',
]);

/**
 * Adds a presigned request's hoisted `x-amz-*` query parameters (already decoded, as the gateway
 * received them) to its headers; call it after the signature checks, which must see the request
 * as sent.
 */
export function applyPresignedHeaders(headers: IncomingHttpHeaders, query: ReadonlyMap<string, string>): void {
  for (const [rawName, value] of query) {
    const name = rawName.toLowerCase();
    if (!name.startsWith('x-amz-') || SIGNATURE_PARAMETERS.has(name) || headers[name] !== undefined) continue;
    headers[name] = value;
  }
}
