/**
 * One page of a listing (objects, versions, multipart uploads): entries in UTF-8 key order under
 * a prefix, keys sharing the part up to the next delimiter rolled up into one common prefix, at
 * most `maxEntries` entries (keys and common prefixes together), resumed after a marker.
 *
 * The source is a sorted index that can seek: a common prefix costs one seek past it, however
 * many keys it holds, so a page costs about `maxEntries` index probes whatever the bucket's size.
 *
 * Marker rule: entries after the marker; a common prefix at or before the marker is skipped
 * (a marker that is itself a common prefix resumes after all of it). This is what makes
 * NextMarker / NextContinuationToken pagination terminate.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-prefixes.html
 */
import type { ScanStart } from '../store/objects.js';
import { compareUtf8 } from './keys.js';

export interface Keyed {
  readonly key: string;
}

export type ListEntry<T> = { kind: 'item'; item: T } | { kind: 'prefix'; prefix: string };

export interface ListPageRequest<T extends Keyed> {
  prefix: string;
  /** Undefined or '' for none. */
  delimiter: string | undefined;
  maxEntries: number;
  /** Exclusive start (see the marker rule above). */
  marker: string | undefined;
  /** Entries that come before the scan, all with key === marker (older versions of the marker key …). */
  head?: Iterable<T>;
  /** The sorted source, from a start position. */
  scan(start: ScanStart): Iterable<T>;
}

export interface ListPage<T> {
  entries: ListEntry<T>[];
  isTruncated: boolean;
}

export function listPage<T extends Keyed>(req: ListPageRequest<T>): ListPage<T> {
  const { prefix, marker, maxEntries } = req;
  const delimiter = req.delimiter || undefined;
  const entries: ListEntry<T>[] = [];
  if (maxEntries <= 0) return { entries, isTruncated: false };

  /** The common prefix `key` rolls up into, if any. */
  const rollUp = (key: string): string | undefined => {
    if (delimiter === undefined) return undefined;
    const i = key.indexOf(delimiter, prefix.length);
    return i === -1 ? undefined : key.slice(0, i + delimiter.length);
  };

  for (const item of req.head ?? []) {
    if (!item.key.startsWith(prefix) || rollUp(item.key) !== undefined) break;
    if (entries.length === maxEntries) return { entries, isTruncated: true };
    entries.push({ kind: 'item', item });
  }

  let start: ScanStart = marker === undefined || compareUtf8(marker, prefix) < 0 ? { key: prefix, inclusive: true } : { key: marker, inclusive: false };
  for (;;) {
    let seek: ScanStart | undefined;
    for (const item of req.scan(start)) {
      if (!item.key.startsWith(prefix)) return { entries, isTruncated: false };
      const common = rollUp(item.key);
      if (common !== undefined) {
        seek = { pastPrefix: common };
        if (marker !== undefined && compareUtf8(common, marker) <= 0) break;
        if (entries.length === maxEntries) return { entries, isTruncated: true };
        entries.push({ kind: 'prefix', prefix: common });
        break;
      }
      if (entries.length === maxEntries) return { entries, isTruncated: true };
      entries.push({ kind: 'item', item });
    }
    if (seek === undefined) return { entries, isTruncated: false };
    start = seek;
  }
}

/** The marker that resumes after an entry (the key, or the common prefix). */
export function entryMarker<T extends Keyed>(entry: ListEntry<T>): string {
  return entry.kind === 'item' ? entry.item.key : entry.prefix;
}
