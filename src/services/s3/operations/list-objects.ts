import { entryMarker, listPage } from '../domain/listing.js';
import type { ListObjectsOutput, ListObjectsRequest, Object as S3Object } from '../generated/types.js';
import { requireBucket, type Ctx } from './common/context.js';
import { encodingTypeOf, nameEncoder, pageSize, withRecords } from './common/listing.js';
import { listedObject } from './list-objects-v2.js';

/**
 * ListObjects (version 1): like V2 but resumed with Marker; NextMarker is answered only when a
 * delimiter was given (without one, clients resume from the last key), as S3 does. Entries
 * always carry their Owner.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html
 */
export function listObjects(input: ListObjectsRequest, ctx: Ctx): ListObjectsOutput {
  const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const max = pageSize(input.MaxKeys, 'max-keys');
  const encode = nameEncoder(input.EncodingType);
  const prefix = input.Prefix ?? '';
  const page = listPage({
    prefix,
    delimiter: input.Delimiter,
    maxEntries: max,
    marker: input.Marker || undefined,
    scan: (start) => ctx.store.objects.scanCurrentKeys(bucket, start),
  });
  const contents: S3Object[] = [];
  const prefixes: { Prefix?: string }[] = [];
  for (const e of withRecords(ctx.store, page)) {
    if (e.kind === 'item') contents.push(listedObject(e.item, encode, true));
    else prefixes.push({ Prefix: encode(e.prefix) });
  }
  const last = page.entries[page.entries.length - 1];
  return {
    IsTruncated: page.isTruncated,
    Marker: encode(input.Marker ?? ''),
    NextMarker: page.isTruncated && input.Delimiter && last ? encode(entryMarker(last)) : undefined,
    Contents: contents.length ? contents : undefined,
    Name: bucket.name,
    Prefix: encode(prefix),
    Delimiter: input.Delimiter ? encode(input.Delimiter) : undefined,
    MaxKeys: input.MaxKeys ?? max,
    CommonPrefixes: prefixes.length ? prefixes : undefined,
    EncodingType: encodingTypeOf(input.EncodingType),
  };
}
