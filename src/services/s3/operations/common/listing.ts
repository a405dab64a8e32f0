/**
 * What ListObjects, ListObjectsV2, ListObjectVersions and ListMultipartUploads share: their
 * request checks (MaxKeys, EncodingType) and the `EncodingType=url` encoding of names.
 */
import { CoreErrors } from '../../domain/errors-core.js';
import { urlEncodeKey } from '../../domain/keys.js';
import type { ChecksumAlgorithm, ChecksumType, EncodingType } from '../../generated/types.js';
import type { ListEntry, ListPage } from '../../domain/listing.js';
import type { S3Store } from '../../store.js';
import type { ObjectRecord } from '../../store/object-records.js';
import type { ListedKey } from '../../store/objects.js';

export const MAX_LIST_KEYS = 1000;

/** The page size asked for, capped at 1000 (the default). */
export function pageSize(value: number | undefined, name: string): number {
  if (value === undefined) return MAX_LIST_KEYS;
  if (!Number.isInteger(value) || value < 0) throw CoreErrors.invalidMaxKeys(name, value);
  return Math.min(value, MAX_LIST_KEYS);
}

/** A function that encodes names as the request's EncodingType asks (identity without one). */
export function nameEncoder(encodingType: string | undefined): (name: string | undefined) => string | undefined {
  if (encodingType === undefined) return (n) => n;
  if (encodingType !== 'url') throw CoreErrors.invalidEncodingType(encodingType);
  return (n) => (n === undefined ? undefined : urlEncodeKey(n));
}

export function encodingTypeOf(encodingType: string | undefined): EncodingType | undefined {
  return encodingType === 'url' ? 'url' : undefined;
}

/** The checksum members a listing entry shows. */
export function listedChecksum(record: ObjectRecord): { ChecksumAlgorithm?: ChecksumAlgorithm[]; ChecksumType?: ChecksumType } {
  if (!record.checksum) return {};
  return { ChecksumAlgorithm: [record.checksum.algorithm], ChecksumType: record.checksum.type };
}

/** A page walked over (id, key) pairs, with the rows it shows loaded in one query. */
export function withRecords(store: S3Store, page: ListPage<ListedKey>): ListEntry<ObjectRecord>[] {
  const records = store.objects.listed(page.entries.flatMap((e) => (e.kind === 'item' ? [e.item.id] : [])));
  let i = 0;
  return page.entries.map((e) => (e.kind === 'item' ? { kind: 'item', item: records[i++]! } : e));
}
