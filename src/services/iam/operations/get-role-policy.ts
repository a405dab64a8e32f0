import type { GetRolePolicyRequest, GetRolePolicyResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { getInlinePolicy } from '../principal-policies.js';

/** The document comes back URL-encoded, as AWS returns it. */
export function getRolePolicy(input: GetRolePolicyRequest, ctx: Ctx): GetRolePolicyResponse {
  const p = getInlinePolicy(ctx, 'role', input.RoleName, input.PolicyName);
  return { RoleName: p.ownerName, PolicyName: p.PolicyName, PolicyDocument: p.PolicyDocument };
}
