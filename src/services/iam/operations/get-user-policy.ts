import type { GetUserPolicyRequest, GetUserPolicyResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { getInlinePolicy } from '../principal-policies.js';

/** The document comes back URL-encoded, as AWS returns it. */
export function getUserPolicy(input: GetUserPolicyRequest, ctx: Ctx): GetUserPolicyResponse {
  const p = getInlinePolicy(ctx, 'user', input.UserName, input.PolicyName);
  return { UserName: p.ownerName, PolicyName: p.PolicyName, PolicyDocument: p.PolicyDocument };
}
