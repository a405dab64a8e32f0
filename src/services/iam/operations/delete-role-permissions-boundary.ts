import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { DeleteRolePermissionsBoundaryRequest } from '../generated/types.js';
import { requireRole, type Ctx } from '../lookup.js';

export async function deleteRolePermissionsBoundary(input: DeleteRolePermissionsBoundaryRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => ctx.store.roles.setBoundary(requireRole(ctx, input.RoleName).roleId, undefined));
  return {};
}
