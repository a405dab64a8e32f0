/**
 * `x-amz-copy-source` (CopyObject, UploadPartCopy): `bucket/key` or `/bucket/key`, URL-encoded,
 * optionally followed by `?versionId=…`. Access point and Outposts ARNs are not buckets Nimbus
 * has; they parse to undefined, as does anything without a bucket and a key (the handler answers
 * InvalidArgument for those).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html#API_CopyObject_RequestSyntax
 */
export interface CopySource {
  readonly bucket: string;
  readonly key: string;
  readonly versionId?: string;
}

export function parseCopySource(header: string): CopySource | undefined {
  const q = header.indexOf('?versionId=');
  const path = q === -1 ? header : header.slice(0, q);
  const versionId = q === -1 ? undefined : decode(header.slice(q + '?versionId='.length));
  const decoded = decode(path.startsWith('/') ? path.slice(1) : path);
  if (decoded === undefined || decoded.startsWith('arn:')) return undefined;
  const slash = decoded.indexOf('/');
  if (slash <= 0 || slash === decoded.length - 1) return undefined;
  return { bucket: decoded.slice(0, slash), key: decoded.slice(slash + 1), versionId: versionId || undefined };
}

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
