import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { AttachRolePolicyRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { attachPolicy } from '../principal-policies.js';

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachRolePolicy.html */
export async function attachRolePolicy(input: AttachRolePolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  await attachPolicy(ctx, 'role', input.RoleName, input.PolicyArn);
  return {};
}
