import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { DeleteUserPolicyRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { deleteInlinePolicy } from '../principal-policies.js';

export async function deleteUserPolicy(input: DeleteUserPolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  await deleteInlinePolicy(ctx, 'user', input.UserName, input.PolicyName);
  return {};
}
