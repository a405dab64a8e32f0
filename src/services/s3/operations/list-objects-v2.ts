import { CoreErrors } from '../domain/errors-core.js';
import { entryMarker, listPage } from '../domain/listing.js';
import { ownerOf } from '../domain/owners.js';
import type { ListObjectsV2Output, ListObjectsV2Request, Object as S3Object } from '../generated/types.js';
import type { ObjectRecord } from '../store/object-records.js';
import { requireBucket, type Ctx } from './common/context.js';
import { encodingTypeOf, listedChecksum, nameEncoder, pageSize, withRecords } from './common/listing.js';

const TOKEN_PREFIX = 'nimbus-v2:';

function encodeToken(marker: string): string {
  return Buffer.from(TOKEN_PREFIX + marker, 'utf8').toString('base64url');
}

function decodeToken(token: string): string {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!text.startsWith(TOKEN_PREFIX)) throw CoreErrors.invalidContinuationToken(token);
  return text.slice(TOKEN_PREFIX.length);
}

export function listedObject(r: ObjectRecord, encode: (n: string) => string | undefined, withOwner: boolean): S3Object {
  return {
    Key: encode(r.key),
    LastModified: r.lastModified,
    ETag: `"${r.etag}"`,
    ...listedChecksum(r),
    Size: r.size,
    StorageClass: r.storageClass,
    Owner: withOwner ? ownerOf(r.ownerAccountId) : undefined,
  };
}

/**
 * Current objects in UTF-8 key order, with Prefix, Delimiter (CommonPrefixes), StartAfter and an
 * opaque ContinuationToken; KeyCount counts keys and common prefixes.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
 */
export function listObjectsV2(input: ListObjectsV2Request, ctx: Ctx): ListObjectsV2Output {
  const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const max = pageSize(input.MaxKeys, 'max-keys');
  const encode = nameEncoder(input.EncodingType);
  const prefix = input.Prefix ?? '';
  const marker = input.ContinuationToken !== undefined ? decodeToken(input.ContinuationToken) : input.StartAfter || undefined;
  const page = listPage({
    prefix,
    delimiter: input.Delimiter,
    maxEntries: max,
    marker,
    scan: (start) => ctx.store.objects.scanCurrentKeys(bucket, start),
  });
  const contents: S3Object[] = [];
  const prefixes: { Prefix?: string }[] = [];
  for (const e of withRecords(ctx.store, page)) {
    if (e.kind === 'item') contents.push(listedObject(e.item, encode, input.FetchOwner === true));
    else prefixes.push({ Prefix: encode(e.prefix) });
  }
  const last = page.entries[page.entries.length - 1];
  return {
    IsTruncated: page.isTruncated,
    Contents: contents.length ? contents : undefined,
    Name: bucket.name,
    Prefix: encode(prefix),
    Delimiter: input.Delimiter ? encode(input.Delimiter) : undefined,
    MaxKeys: input.MaxKeys ?? max,
    CommonPrefixes: prefixes.length ? prefixes : undefined,
    EncodingType: encodingTypeOf(input.EncodingType),
    KeyCount: page.entries.length,
    ContinuationToken: input.ContinuationToken,
    NextContinuationToken: page.isTruncated && last ? encodeToken(entryMarker(last)) : undefined,
    StartAfter: input.StartAfter !== undefined ? encode(input.StartAfter) : undefined,
  };
}
