/**
 * The session token a request carries: the `x-amz-security-token` header, or a presigned URL's
 * `X-Amz-Security-Token` parameter. Comparing it with the session its access key belongs to is the
 * caller's job. Whether it must be signed: S3 refuses any unsigned `x-amz-*` header (see
 * precheck.ts); other services accept the header outside the signature (AWS's test suite signs it
 * both ways, `post-sts-header-before` / `-after`), and in a presigned URL it is part of the
 * signed query string.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { decodeComponent } from './uri-encode.js';

export function readSessionToken(req: { readonly headers: IncomingHttpHeaders; readonly rawQuery: string }): string | undefined {
  const h = req.headers['x-amz-security-token'];
  if (h !== undefined) return Array.isArray(h) ? h[0] : h;
  const q = req.rawQuery;
  const name = 'X-Amz-Security-Token=';
  let start = 0;
  while (start < q.length) {
    let end = q.indexOf('&', start);
    if (end === -1) end = q.length;
    if (q.startsWith(name, start)) return decodeComponent(q.slice(start + name.length, end));
    start = end + 1;
  }
  return undefined;
}
