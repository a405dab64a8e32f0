import { CoreErrors } from '../domain/errors-core.js';
import { listPage } from '../domain/listing.js';
import { ownerOf } from '../domain/owners.js';
import type { DeleteMarkerEntry, ListObjectVersionsOutput, ListObjectVersionsRequest, ObjectVersion, ObjectVersionStorageClass } from '../generated/types.js';
import type { ListedKey } from '../store/objects.js';
import { requireBucket, type Ctx } from './common/context.js';
import { encodingTypeOf, listedChecksum, nameEncoder, pageSize, withRecords } from './common/listing.js';

/**
 * Every version and delete marker, by key (UTF-8 order) and newest first within a key, resumed
 * with KeyMarker and VersionIdMarker. Unversioned objects show as version `null`.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html
 */
export function listObjectVersions(input: ListObjectVersionsRequest, ctx: Ctx): ListObjectVersionsOutput {
  const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const max = pageSize(input.MaxKeys, 'max-keys');
  const encode = nameEncoder(input.EncodingType);
  const prefix = input.Prefix ?? '';
  const keyMarker = input.KeyMarker || undefined;
  const versionMarker = input.VersionIdMarker || undefined;
  let head: Iterable<ListedKey> | undefined;
  if (versionMarker !== undefined) {
    if (keyMarker === undefined) throw CoreErrors.versionIdMarkerWithoutKeyMarker(versionMarker);
    const at = ctx.store.objects.version(bucket, keyMarker, versionMarker);
    if (!at) throw CoreErrors.invalidVersionId(versionMarker);
    head = ctx.store.objects.olderVersions(bucket, keyMarker, at.id, max + 1);
  }
  const page = listPage({
    prefix,
    delimiter: input.Delimiter,
    maxEntries: max,
    marker: keyMarker,
    head,
    scan: (start) => ctx.store.objects.scanVersionKeys(bucket, start),
  });
  const versions: ObjectVersion[] = [];
  const markers: DeleteMarkerEntry[] = [];
  const prefixes: { Prefix?: string }[] = [];
  const entries = withRecords(ctx.store, page);
  for (const e of entries) {
    if (e.kind === 'prefix') {
      prefixes.push({ Prefix: encode(e.prefix) });
      continue;
    }
    const r = e.item;
    if (r.deleteMarker) {
      markers.push({ Owner: ownerOf(r.ownerAccountId), Key: encode(r.key), VersionId: r.versionId, IsLatest: r.isLatest, LastModified: r.lastModified });
    } else {
      versions.push({
        ETag: `"${r.etag}"`,
        ...listedChecksum(r),
        Size: r.size,
        // The model lists only STANDARD; S3 answers the version's actual class.
        StorageClass: r.storageClass as ObjectVersionStorageClass,
        Key: encode(r.key),
        VersionId: r.versionId,
        IsLatest: r.isLatest,
        LastModified: r.lastModified,
        Owner: ownerOf(r.ownerAccountId),
      });
    }
  }
  const last = entries[entries.length - 1];
  return {
    IsTruncated: page.isTruncated,
    KeyMarker: encode(input.KeyMarker ?? ''),
    VersionIdMarker: input.VersionIdMarker ?? '',
    NextKeyMarker: page.isTruncated && last ? encode(last.kind === 'item' ? last.item.key : last.prefix) : undefined,
    NextVersionIdMarker: page.isTruncated && last?.kind === 'item' ? last.item.versionId : undefined,
    Versions: versions.length ? versions : undefined,
    DeleteMarkers: markers.length ? markers : undefined,
    Name: bucket.name,
    Prefix: encode(prefix),
    Delimiter: input.Delimiter ? encode(input.Delimiter) : undefined,
    MaxKeys: input.MaxKeys ?? max,
    CommonPrefixes: prefixes.length ? prefixes : undefined,
    EncodingType: encodingTypeOf(input.EncodingType),
  };
}
