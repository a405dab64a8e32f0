import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { DetachUserPolicyRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { detachPolicy } from '../principal-policies.js';

export async function detachUserPolicy(input: DetachUserPolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  await detachPolicy(ctx, 'user', input.UserName, input.PolicyArn);
  return {};
}
