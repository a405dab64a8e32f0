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
import type { HttpRequest } from '../protocol/protocols/types.js';
import { parseRestQuery } from '../protocol/protocols/rest-routes.js';

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

/** Adds the hoisted `x-amz-*` query parameters of a presigned request to its headers (after the signature checks, which must see the request as sent). */
export function applyPresignedHeaders(http: HttpRequest): void {
  // Most presigned URLs (GET) carry nothing but the signature's parameters: skip the parse.
  if (!/(?:^|&)x-amz-(?!algorithm=|credential=|date=|expires=|signedheaders=|signature=|security-token=|content-sha256=)/i.test(http.rawQuery)) return;
  const headers = http.headers;
  for (const [rawName, value] of parseRestQuery(http.rawQuery)) {
    const name = rawName.toLowerCase();
    if (!name.startsWith('x-amz-') || SIGNATURE_PARAMETERS.has(name) || headers[name] !== undefined) continue;
    headers[name] = value;
  }
}
