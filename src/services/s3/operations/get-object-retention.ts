import { CoreErrors } from '../domain/errors-core.js';
import { ObjectErrors } from '../domain/errors-object.js';
import type { GetObjectRetentionOutput, GetObjectRetentionRequest } from '../generated/types.js';
import type { Ctx } from './common/context.js';
import { findSubject, subjectBucket } from './object-subresource.js';

/**
 * An object version's retention (mode and retain-until date), also once the date has passed;
 * NoSuchObjectLockConfiguration (404) when it has none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectRetention.html
 */
export function getObjectRetention(input: GetObjectRetentionRequest, ctx: Ctx): GetObjectRetentionOutput {
  const bucket = subjectBucket(ctx, input);
  if (!bucket.objectLockEnabled) throw CoreErrors.objectLockMissing();
  const record = findSubject(ctx, bucket, input, 'GET', 'method-not-allowed');
  const retention = record.attributes.retention;
  if (!retention) throw ObjectErrors.noSuchObjectLockConfiguration();
  return { Retention: { Mode: retention.Mode, RetainUntilDate: new Date(retention.RetainUntilDate) } };
}
