import type { UpdateRoleRequest, UpdateRoleResponse } from '../generated/types.js';
import { requireRole, type Ctx } from '../lookup.js';

/** Description and MaxSessionDuration. https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRole.html */
export async function updateRole(input: UpdateRoleRequest, ctx: Ctx): Promise<UpdateRoleResponse> {
  await ctx.store.transaction(() => {
    const role = requireRole(ctx, input.RoleName);
    ctx.store.roles.update(role.roleId, { description: input.Description, maxSessionDuration: input.MaxSessionDuration });
  });
  return {};
}
