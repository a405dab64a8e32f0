import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { DetachGroupPolicyRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { detachPolicy } from '../principal-policies.js';

export async function detachGroupPolicy(input: DetachGroupPolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  await detachPolicy(ctx, 'group', input.GroupName, input.PolicyArn);
  return {};
}
