/**
 * S3's AccessDenied. Since 2024 S3 explains a denial to a caller of the bucket owner's account
 * with IAM's wording and the resource in quotes —
 *   User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject on
 *   resource: "arn:aws:s3:::bucket/key" because no identity-based policy allows the s3:GetObject action
 * — while anonymous callers and callers of other accounts get only "Access Denied".
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html
 */
import { accessDeniedMessage, type AuthorizationRequest, type Decision } from '../../../../iam/index.js';
import type { ServiceError } from '../../../../shared/errors.js';
import { S3Errors } from '../errors.js';

export function s3AccessDenied(request: AuthorizationRequest, decision: Decision): ServiceError {
  const p = request.principal;
  if (p.type === 'anonymous') return S3Errors.accessDenied();
  if (request.resourceAccount !== undefined && request.resourceAccount !== p.accountId) return S3Errors.accessDenied();
  const quoted = request.resource === '*' ? request : { ...request, resource: `"${request.resource}"` };
  return S3Errors.accessDenied(accessDeniedMessage(quoted, decision));
}
