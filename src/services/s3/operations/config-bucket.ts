/**
 * What every bucket configuration handler starts with: the bucket the request names.
 * Who may configure it was decided by the authorize step (identity policies, the bucket policy,
 * ACLs: another account or an anonymous caller gets there only if the bucket policy grants it), so:
 * - no such bucket → NoSuchBucket (404);
 * - `x-amz-expected-bucket-owner` naming another account → AccessDenied (403);
 * - the bucket policy operations, by anyone outside the owning account, even when allowed →
 *   MethodNotAllowed (405), as AWS answers them.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-owner-condition.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicy.html
 */
import type { OperationContext } from '../../service.js';
import { S3Errors } from '../domain/errors.js';
import type { S3Store } from '../store.js';
import type { Bucket, ConfigKind } from '../store/buckets.js';

export type Ctx = OperationContext<S3Store>;

/** The fields every configuration request carries. */
export interface BucketRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

const OWNER_ACCOUNT_ONLY: ReadonlySet<string> = new Set(['GetBucketPolicy', 'PutBucketPolicy', 'DeleteBucketPolicy']);

/** The bucket named by the request; throws S3's error when there is none or it is not the expected owner's. */
export function callerBucket(ctx: Ctx, input: BucketRequest): Bucket {
  const bucket = ctx.store.buckets.get(input.Bucket);
  if (!bucket) throw S3Errors.noSuchBucket(input.Bucket);
  if (input.ExpectedBucketOwner !== undefined && input.ExpectedBucketOwner !== bucket.accountId) throw S3Errors.accessDenied();
  if (OWNER_ACCOUNT_ONLY.has(ctx.operation) && (ctx.caller.type === 'anonymous' || bucket.accountId !== ctx.accountId)) {
    throw S3Errors.methodNotAllowed(ctx.operation.startsWith('Get') ? 'GET' : ctx.operation.startsWith('Put') ? 'PUT' : 'DELETE', 'BUCKETPOLICY');
  }
  return bucket;
}

/** Reads one configuration document of the caller's bucket. */
export function readConfig<T>(ctx: Ctx, input: BucketRequest, kind: ConfigKind): { bucket: Bucket; config: T | undefined } {
  const bucket = callerBucket(ctx, input);
  return { bucket, config: ctx.store.configs.get<T>(bucket, kind) };
}

/** Removes one configuration document (S3's Delete… operations succeed whether or not there was one). */
export function deleteConfig(ctx: Ctx, input: BucketRequest, kind: ConfigKind): Promise<Record<string, never>> {
  return ctx.store.transaction(() => {
    const bucket = callerBucket(ctx, input);
    ctx.store.configs.delete(bucket, kind);
    return {};
  });
}

/**
 * Validates and stores one configuration document atomically: the bucket is looked up again
 * inside the transaction, `build` turns the request into the document (throwing AWS's error for
 * a bad one) and the document replaces the previous one.
 */
export function putConfig(ctx: Ctx, input: BucketRequest, kind: ConfigKind, build: (bucket: Bucket) => unknown): Promise<Record<string, never>> {
  return ctx.store.transaction(() => {
    const bucket = callerBucket(ctx, input);
    ctx.store.configs.put(bucket, kind, build(bucket));
    return {};
  });
}
