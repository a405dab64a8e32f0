/**
 * `x-amz-copy-source` (CopyObject, UploadPartCopy): `bucket/key` or `/bucket/key`, URL-encoded,
 * optionally `?versionId=…`. A `?` that is part of the key arrives encoded (`%3F`); a literal
 * `+` stays a plus.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html#API_CopyObject_RequestSyntax
 */
import { CoreErrors } from './errors-core.js';

export interface CopySource {
  bucket: string;
  key: string;
  versionId: string | undefined;
}

export function parseCopySource(header: string): CopySource {
  let path = header;
  let versionId: string | undefined;
  const q = path.indexOf('?');
  if (q !== -1) {
    const query = path.slice(q + 1);
    path = path.slice(0, q);
    for (const pair of query.split('&')) {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      if (name === 'versionId') versionId = decode(eq === -1 ? '' : pair.slice(eq + 1));
    }
  }
  const decoded = decode(path).replace(/^\//, '');
  const slash = decoded.indexOf('/');
  if (slash <= 0 || slash === decoded.length - 1) throw CoreErrors.invalidCopySource();
  return { bucket: decoded.slice(0, slash), key: decoded.slice(slash + 1), versionId };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw CoreErrors.invalidCopySource();
  }
}
