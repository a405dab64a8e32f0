import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { DetachRolePolicyRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { detachPolicy } from '../principal-policies.js';

export async function detachRolePolicy(input: DetachRolePolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  await detachPolicy(ctx, 'role', input.RoleName, input.PolicyArn);
  return {};
}
