import { listPage } from '../domain/listing.js';
import { ownerOf } from '../domain/owners.js';
import type { ListMultipartUploadsOutput, ListMultipartUploadsRequest, MultipartUpload } from '../generated/types.js';
import type { UploadRecord } from '../store/uploads.js';
import { requireBucket, type Ctx } from './common/context.js';
import { encodingTypeOf, nameEncoder, pageSize } from './common/listing.js';
import { initiatorOf } from './common/uploads.js';

/**
 * Uploads in progress, by key (UTF-8 order) and creation order within a key, resumed with
 * KeyMarker and UploadIdMarker (ignored without a KeyMarker, as S3 does); Prefix and Delimiter
 * work as in ListObjects.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html
 */
export function listMultipartUploads(input: ListMultipartUploadsRequest, ctx: Ctx): ListMultipartUploadsOutput {
  const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const max = pageSize(input.MaxUploads, 'max-uploads');
  const encode = nameEncoder(input.EncodingType);
  const prefix = input.Prefix ?? '';
  const keyMarker = input.KeyMarker || undefined;
  let head: Iterable<UploadRecord> | undefined;
  if (keyMarker !== undefined && input.UploadIdMarker) {
    const at = ctx.store.uploads.get(bucket, input.UploadIdMarker);
    if (at && at.key === keyMarker) head = ctx.store.uploads.laterUploads(bucket, keyMarker, at.id);
  }
  const page = listPage({
    prefix,
    delimiter: input.Delimiter,
    maxEntries: max,
    marker: keyMarker,
    head,
    scan: (start) => ctx.store.uploads.scan(bucket, start),
  });
  const uploads: MultipartUpload[] = [];
  const prefixes: { Prefix?: string }[] = [];
  for (const e of page.entries) {
    if (e.kind === 'prefix') {
      prefixes.push({ Prefix: encode(e.prefix) });
      continue;
    }
    const u = e.item;
    uploads.push({
      UploadId: u.uploadId,
      Key: encode(u.key),
      Initiated: u.initiated,
      StorageClass: u.storageClass,
      Owner: ownerOf(u.ownerAccountId),
      Initiator: initiatorOf(u),
      ChecksumAlgorithm: u.checksumAlgorithm,
      ChecksumType: u.checksumType,
    });
  }
  const last = page.entries[page.entries.length - 1];
  return {
    Bucket: bucket.name,
    KeyMarker: encode(input.KeyMarker ?? ''),
    UploadIdMarker: input.UploadIdMarker ?? '',
    NextKeyMarker: page.isTruncated && last ? encode(last.kind === 'item' ? last.item.key : last.prefix) : undefined,
    NextUploadIdMarker: page.isTruncated && last?.kind === 'item' ? last.item.uploadId : undefined,
    Prefix: encode(prefix),
    Delimiter: input.Delimiter ? encode(input.Delimiter) : undefined,
    MaxUploads: input.MaxUploads ?? max,
    IsTruncated: page.isTruncated,
    Uploads: uploads.length ? uploads : undefined,
    CommonPrefixes: prefixes.length ? prefixes : undefined,
    EncodingType: encodingTypeOf(input.EncodingType),
  };
}
