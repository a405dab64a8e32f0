import { S3Errors } from '../domain/errors.js';
import type { DeleteBucketRequest } from '../generated/types.js';
import { requireBucket, type Ctx } from './common/context.js';

/**
 * Deletes an empty bucket. "Empty" counts every version and delete marker and every multipart
 * upload in progress, as AWS does.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucket.html
 */
export async function deleteBucket(input: DeleteBucketRequest, ctx: Ctx): Promise<Record<string, never>> {
  await ctx.store.transaction(() => {
    const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
    if (ctx.store.objects.hasAny(bucket) || ctx.store.uploads.hasAny(bucket)) throw S3Errors.bucketNotEmpty(bucket.name);
    ctx.store.buckets.delete(bucket);
    ctx.store.configs.forget(bucket.id);
  });
  return {};
}
