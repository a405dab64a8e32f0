import { CoreErrors } from '../domain/errors-core.js';
import { checkRetentionChange, requestedRetention } from '../domain/object-lock-rules.js';
import type { PutObjectRetentionOutput, PutObjectRetentionRequest } from '../generated/types.js';
import type { Ctx } from './common/context.js';
import { subjectBucket, updateSubject } from './object-subresource.js';

/**
 * Places, extends, shortens or removes an object version's retention (GOVERNANCE or COMPLIANCE
 * until a future date), under Object Lock's rules (domain/object-lock-rules.ts): COMPLIANCE can
 * only be extended; changing GOVERNANCE other than by extending it needs
 * `x-amz-bypass-governance-retention: true`. Only in buckets with Object Lock enabled.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectRetention.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html#object-lock-retention-modes
 */
export async function putObjectRetention(input: PutObjectRetentionRequest, ctx: Ctx): Promise<PutObjectRetentionOutput> {
  if (!subjectBucket(ctx, input).objectLockEnabled) throw CoreErrors.objectLockMissing();
  const now = ctx.now();
  const next = requestedRetention(input.Retention, now);
  await updateSubject(ctx, input, 'PUT', 'method-not-allowed', (record) => {
    checkRetentionChange(record.attributes.retention, next, { bypassGovernance: input.BypassGovernanceRetention === true, now });
    return { retention: next };
  });
  return {};
}
