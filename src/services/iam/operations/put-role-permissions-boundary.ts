import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { PutRolePermissionsBoundaryRequest } from '../generated/types.js';
import { findManagedPolicy, requireRole, type Ctx } from '../lookup.js';

export async function putRolePermissionsBoundary(input: PutRolePermissionsBoundaryRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const role = requireRole(ctx, input.RoleName);
    findManagedPolicy(ctx, input.PermissionsBoundary, 'attach');
    ctx.store.roles.setBoundary(role.roleId, input.PermissionsBoundary);
  });
  return {};
}
