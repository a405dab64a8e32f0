import { CoreErrors } from '../domain/errors-core.js';
import { ObjectErrors } from '../domain/errors-object.js';
import type { GetObjectLegalHoldOutput, GetObjectLegalHoldRequest } from '../generated/types.js';
import type { Ctx } from './common/context.js';
import { findSubject, subjectBucket } from './object-subresource.js';

/**
 * An object version's legal hold status; NoSuchObjectLockConfiguration (404) when it never had one.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectLegalHold.html
 */
export function getObjectLegalHold(input: GetObjectLegalHoldRequest, ctx: Ctx): GetObjectLegalHoldOutput {
  const bucket = subjectBucket(ctx, input);
  if (!bucket.objectLockEnabled) throw CoreErrors.objectLockMissing();
  const record = findSubject(ctx, bucket, input, 'GET', 'method-not-allowed');
  const status = record.attributes.legalHold;
  if (status === undefined) throw ObjectErrors.noSuchObjectLockConfiguration();
  return { LegalHold: { Status: status } };
}
