import { S3Errors } from '../domain/errors.js';
import type { AbortMultipartUploadOutput, AbortMultipartUploadRequest } from '../generated/types.js';
import { requireBucket, type Ctx } from './common/context.js';
import { requireUpload } from './common/uploads.js';

/**
 * Abandons an upload: its parts' blobs are removed (204).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html
 */
export async function abortMultipartUpload(input: AbortMultipartUploadRequest, ctx: Ctx): Promise<AbortMultipartUploadOutput> {
  requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const garbage = await ctx.store.transaction(() => {
    const bucket = ctx.store.buckets.get(input.Bucket);
    if (!bucket) throw S3Errors.noSuchBucket(input.Bucket);
    const upload = requireUpload(ctx, bucket, input.Key, input.UploadId);
    if (input.IfMatchInitiatedTime !== undefined && Math.floor(input.IfMatchInitiatedTime.getTime() / 1000) !== Math.floor(upload.initiated.getTime() / 1000)) {
      throw S3Errors.preconditionFailed('x-amz-if-match-initiated-time');
    }
    return ctx.store.uploads.remove(upload);
  });
  await ctx.store.reclaimer.discard(garbage);
  return {};
}
