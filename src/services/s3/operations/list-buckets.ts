import { CoreErrors } from '../domain/errors-core.js';
import { ownerOf } from '../domain/owners.js';
import type { ListBucketsOutput, ListBucketsRequest } from '../generated/types.js';
import type { Ctx } from './common/context.js';

const MAX_BUCKETS = 10_000;

/**
 * The caller's buckets in name order. Without MaxBuckets every bucket is listed; with it, pages
 * chain through an opaque ContinuationToken. Prefix and BucketRegion filter.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html
 */
export function listBuckets(input: ListBucketsRequest, ctx: Ctx): ListBucketsOutput {
  const max = input.MaxBuckets;
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > MAX_BUCKETS)) throw CoreErrors.invalidMaxBuckets(max);
  const limit = max ?? MAX_BUCKETS;
  const after = input.ContinuationToken === undefined ? undefined : decodeToken(input.ContinuationToken);
  const page = ctx.store.buckets.listByAccount(ctx.accountId, { after, limit: limit + 1, prefix: input.Prefix, region: input.BucketRegion });
  const truncated = page.length > limit;
  const shown = truncated ? page.slice(0, limit) : page;
  return {
    Buckets: shown.map((b) => ({ Name: b.name, CreationDate: b.createdAt, BucketRegion: b.region })),
    Owner: ownerOf(ctx.accountId),
    ContinuationToken: truncated ? encodeToken(shown[shown.length - 1]!.name) : undefined,
    Prefix: input.Prefix,
  };
}

function encodeToken(lastName: string): string {
  return Buffer.from(`b:${lastName}`, 'utf8').toString('base64url');
}

function decodeToken(token: string): string {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!text.startsWith('b:')) throw CoreErrors.invalidContinuationToken(token);
  return text.slice(2);
}
