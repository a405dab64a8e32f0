import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { checkTrustDocument } from '../domain/documents.js';
import { IamErrors } from '../domain/errors.js';
import type { UpdateAssumeRolePolicyRequest } from '../generated/types.js';
import { requireRole, type Ctx } from '../lookup.js';
import { isServiceLinked } from './create-service-linked-role.js';

/** Replaces the trust policy. https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAssumeRolePolicy.html */
export async function updateAssumeRolePolicy(input: UpdateAssumeRolePolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  checkTrustDocument(input.PolicyDocument);
  await ctx.store.transaction(() => {
    const role = requireRole(ctx, input.RoleName);
    if (isServiceLinked(role)) throw IamErrors.serviceLinkedRole(role.name);
    ctx.store.roles.setTrustPolicy(role.roleId, input.PolicyDocument);
  });
  return {};
}
