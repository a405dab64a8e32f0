/**
 * Where a browser request points: its bucket and key from the path-style path (virtual-hosted
 * requests were rewritten by the gateway), and the website endpoint's path form.
 */
import type { RawRequest } from '../../raw-routes.js';

/** Website endpoint without a host name: `http://localhost:4566/_nimbus/website/<bucket>/<key>`. */
export const WEBSITE_PATH_PREFIX = '/_nimbus/website/';

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export interface Addressed {
  /** Decoded; undefined for the service root (`/`). */
  readonly bucket: string | undefined;
  /** Decoded, without the leading `/` (`''` for the bucket itself). */
  readonly key: string;
}

/** Bucket and key of a path-style path (`/bucket/a/b.txt` → bucket, `a/b.txt`). */
export function addressOf(path: string): Addressed {
  const rest = path.startsWith('/') ? path.slice(1) : path;
  const slash = rest.indexOf('/');
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const key = slash === -1 ? '' : rest.slice(slash + 1);
  return { bucket: bucket === '' ? undefined : decode(bucket), key: decode(key) };
}

/** Whether a request is for a website endpoint: `<bucket>.s3-website[-.]<region>.localhost`, or the path form. */
export function isWebsiteRequest(request: RawRequest): boolean {
  return request.hostLabel?.startsWith('s3-website') === true || request.path.startsWith(WEBSITE_PATH_PREFIX);
}

/** The path-style path of a website request (the path form's prefix removed). */
export function websitePath(request: RawRequest): string {
  return request.path.startsWith(WEBSITE_PATH_PREFIX) ? `/${request.path.slice(WEBSITE_PATH_PREFIX.length)}` : request.path;
}
