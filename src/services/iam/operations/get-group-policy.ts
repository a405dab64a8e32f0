import type { GetGroupPolicyRequest, GetGroupPolicyResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { getInlinePolicy } from '../principal-policies.js';

/** The document comes back URL-encoded, as AWS returns it. */
export function getGroupPolicy(input: GetGroupPolicyRequest, ctx: Ctx): GetGroupPolicyResponse {
  const p = getInlinePolicy(ctx, 'group', input.GroupName, input.PolicyName);
  return { GroupName: p.ownerName, PolicyName: p.PolicyName, PolicyDocument: p.PolicyDocument };
}
