/** What every S3 handler works with: its context type and the bucket lookup all of them start with. */
import type { OperationContext } from '../../../service.js';
import { S3Errors } from '../../domain/errors.js';
import type { S3Store } from '../../store.js';
import type { Bucket } from '../../store/buckets.js';

export type Ctx = OperationContext<S3Store>;

/**
 * The bucket a request names: NoSuchBucket when it does not exist, AccessDenied when
 * `x-amz-expected-bucket-owner` names another account.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-owner-condition.html
 */
export function requireBucket(ctx: Ctx, name: string, expectedOwner?: string): Bucket {
  const bucket = ctx.store.buckets.get(name);
  if (!bucket) throw S3Errors.noSuchBucket(name);
  if (expectedOwner !== undefined && expectedOwner !== bucket.accountId) throw S3Errors.accessDenied();
  return bucket;
}
