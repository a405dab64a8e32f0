import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { DeleteRolePolicyRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { deleteInlinePolicy } from '../principal-policies.js';

export async function deleteRolePolicy(input: DeleteRolePolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  await deleteInlinePolicy(ctx, 'role', input.RoleName, input.PolicyName);
  return {};
}
