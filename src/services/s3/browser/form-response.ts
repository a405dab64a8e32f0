/**
 * The answer to a successful form upload, as S3 gives it: 204 (the default) or 200 with an empty
 * body, 201 with a PostResponse document, or 303 to `success_action_redirect` with `bucket`, `key`
 * and `etag` appended to its query. Every answer carries the PutObject headers (ETag, version id,
 * checksum, encryption) and Location, the object's URL (the key percent-encoded, `/` included).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html
 */
import type { RawRequest, RawResponse } from '../../raw-routes.js';
import type { SuccessAnswer } from './form-fields.js';

export interface StoredUpload {
  readonly bucket: string;
  readonly key: string;
  /** Quoted, as the ETag header carries it. */
  readonly etag: string;
}

/** Element text: S3 writes the ETag's quotes as they are, so only markup characters are escaped. */
function text(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** The object's URL, in the addressing style the form was posted with. */
export function objectLocation(request: RawRequest, upload: StoredUpload): string {
  const key = encodeURIComponent(upload.key);
  return request.hostBucket !== undefined ? `http://${request.host}/${key}` : `http://${request.host}/${encodeURIComponent(upload.bucket)}/${key}`;
}

/** `url` with bucket, key and etag added to its query (form-encoded: `/` as %2F, a space as +), before any fragment. */
export function redirectTarget(url: string, upload: StoredUpload): string {
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? '' : url.slice(hash);
  const query = new URLSearchParams({ bucket: upload.bucket, key: upload.key, etag: upload.etag }).toString();
  const joiner = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${joiner}${query}${fragment}`;
}

/** `headers`: what PutObject answers (ETag, x-amz-version-id, checksums, encryption). */
export function successResponse(request: RawRequest, answer: SuccessAnswer, upload: StoredUpload, headers: Record<string, string | string[]>): RawResponse {
  const location = objectLocation(request, upload);
  const out: Record<string, string | string[]> = { ...headers };
  delete out['content-type'];
  delete out['content-length'];
  if (answer.kind === 'redirect') {
    out.location = redirectTarget(answer.url, upload);
    return { statusCode: 303, headers: out };
  }
  out.location = location;
  if (answer.status !== 201) return { statusCode: answer.status, headers: out };
  out['content-type'] = 'application/xml';
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<PostResponse><Location>${text(location)}</Location><Bucket>${text(upload.bucket)}</Bucket>` +
    `<Key>${text(upload.key)}</Key><ETag>${text(upload.etag)}</ETag></PostResponse>`;
  return { statusCode: 201, headers: out, body };
}
