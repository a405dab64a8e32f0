import { CoreErrors } from '../domain/errors-core.js';
import { requestedLegalHold } from '../domain/object-lock-rules.js';
import type { PutObjectLegalHoldOutput, PutObjectLegalHoldRequest } from '../generated/types.js';
import type { Ctx } from './common/context.js';
import { subjectBucket, updateSubject } from './object-subresource.js';

/**
 * Turns an object version's legal hold ON or OFF. Only in buckets with Object Lock enabled
 * (InvalidRequest "Bucket is missing Object Lock Configuration"); no bypass is needed either
 * way, and the hold does not depend on any retention.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectLegalHold.html
 */
export async function putObjectLegalHold(input: PutObjectLegalHoldRequest, ctx: Ctx): Promise<PutObjectLegalHoldOutput> {
  if (!subjectBucket(ctx, input).objectLockEnabled) throw CoreErrors.objectLockMissing();
  const status = requestedLegalHold(input.LegalHold);
  await updateSubject(ctx, input, 'PUT', 'method-not-allowed', () => ({ legalHold: status }));
  return {};
}
