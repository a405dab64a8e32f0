import { encodeDocument } from '../domain/documents.js';
import { IamErrors } from '../domain/errors.js';
import type { GetPolicyVersionRequest, GetPolicyVersionResponse } from '../generated/types.js';
import { findManagedPolicy, versionNumber, type Ctx } from '../lookup.js';

/**
 * One version's document, URL-encoded as AWS returns it. AWS managed policies carry their
 * default version only. https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetPolicyVersion.html
 */
export function getPolicyVersion(input: GetPolicyVersionRequest, ctx: Ctx): GetPolicyVersionResponse {
  const found = findManagedPolicy(ctx, input.PolicyArn, 'get');
  const n = versionNumber(input.VersionId);
  if (found.kind === 'aws') {
    const p = found.policy;
    if (n !== p.defaultVersion) throw IamErrors.noSuchPolicyVersion(input.PolicyArn, input.VersionId);
    return { PolicyVersion: { Document: encodeDocument(p.document), VersionId: input.VersionId, IsDefaultVersion: true, CreateDate: p.updateDate } };
  }
  const v = n === undefined ? undefined : ctx.store.policies.version(found.policy.policyId, n);
  if (!v) throw IamErrors.noSuchPolicyVersion(input.PolicyArn, input.VersionId);
  return {
    PolicyVersion: { Document: encodeDocument(v.document), VersionId: `v${v.version}`, IsDefaultVersion: v.version === found.policy.defaultVersion, CreateDate: v.createDate },
  };
}
