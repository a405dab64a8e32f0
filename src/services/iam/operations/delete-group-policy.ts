import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { DeleteGroupPolicyRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { deleteInlinePolicy } from '../principal-policies.js';

export async function deleteGroupPolicy(input: DeleteGroupPolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  await deleteInlinePolicy(ctx, 'group', input.GroupName, input.PolicyName);
  return {};
}
