/**
 * IAM's paging: `MaxItems` (1–1000, default 100) and an opaque `Marker`; `IsTruncated` says more
 * follow. Lists are small (an account holds at most thousands of users), so a list is read whole,
 * in order, and sliced here. The marker carries the sort key of the last item returned, so a page
 * boundary survives inserts and deletes between calls.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUsers.html
 */
import { IamErrors } from './errors.js';

export const DEFAULT_MAX_ITEMS = 100;

export interface Page<T> {
  items: T[];
  IsTruncated: boolean;
  Marker?: string;
}

export function encodeMarker(key: string): string {
  return Buffer.from(JSON.stringify({ k: key })).toString('base64url');
}

export function decodeMarker(marker: string | undefined): string | undefined {
  if (marker === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(marker, 'base64url').toString('utf8')) as { k?: unknown };
    if (typeof parsed.k === 'string') return parsed.k;
  } catch {
    // fall through
  }
  throw IamErrors.invalidMarker();
}

/** One page of `items` (already sorted by `keyOf`, ascending and unique). */
export function paginate<T>(items: readonly T[], keyOf: (item: T) => string, marker: string | undefined, maxItems: number | undefined): Page<T> {
  const after = decodeMarker(marker);
  const limit = maxItems ?? DEFAULT_MAX_ITEMS;
  let start = 0;
  if (after !== undefined) {
    start = items.findIndex((i) => keyOf(i) > after);
    if (start === -1) start = items.length;
  }
  const slice = items.slice(start, start + limit);
  const truncated = start + limit < items.length;
  return truncated ? { items: slice, IsTruncated: true, Marker: encodeMarker(keyOf(slice[slice.length - 1]!)) } : { items: slice, IsTruncated: false };
}

/** Pages through positions (for lists whose order is not a unique key: GetAccountAuthorizationDetails, Simulate*). */
export function paginateByIndex<T>(items: readonly T[], marker: string | undefined, maxItems: number | undefined): Page<T> {
  const after = decodeMarker(marker);
  const start = after === undefined ? 0 : Number.parseInt(after, 10);
  if (!Number.isInteger(start) || start < 0) throw IamErrors.invalidMarker();
  const limit = maxItems ?? DEFAULT_MAX_ITEMS;
  const slice = items.slice(start, start + limit);
  const truncated = start + limit < items.length;
  return truncated ? { items: slice, IsTruncated: true, Marker: encodeMarker(String(start + limit)) } : { items: slice, IsTruncated: false };
}
