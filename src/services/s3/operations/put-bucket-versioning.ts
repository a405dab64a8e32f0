import { CoreErrors } from '../domain/errors-core.js';
import { S3Errors } from '../domain/errors.js';
import type { PutBucketVersioningRequest } from '../generated/types.js';
import { requireBucket, type Ctx } from './common/context.js';

/**
 * Enables or suspends versioning (once enabled, a bucket is never unversioned again). A bucket
 * with Object Lock cannot be suspended. MFADelete is stored and echoed; the `x-amz-mfa` code is
 * not checked (Nimbus has no root MFA device).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketVersioning.html
 */
export async function putBucketVersioning(input: PutBucketVersioningRequest, ctx: Ctx): Promise<Record<string, never>> {
  const config = input.VersioningConfiguration;
  const status = config?.Status;
  if (status !== 'Enabled' && status !== 'Suspended') throw S3Errors.malformedXml();
  const mfa = config.MFADelete;
  if (mfa !== undefined && mfa !== 'Enabled' && mfa !== 'Disabled') throw S3Errors.malformedXml();
  await ctx.store.transaction(() => {
    const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
    if (bucket.objectLockEnabled && status === 'Suspended') throw CoreErrors.versioningLocked();
    ctx.store.buckets.setVersioning(bucket, status, mfa);
  });
  return {};
}
