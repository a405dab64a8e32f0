import { renderRole } from '../domain/render.js';
import type { GetRoleRequest, GetRoleResponse } from '../generated/types.js';
import { requireRole, type Ctx } from '../lookup.js';

export function getRole(input: GetRoleRequest, ctx: Ctx): GetRoleResponse {
  const role = requireRole(ctx, input.RoleName);
  return { Role: renderRole(role, { tags: ctx.store.tags.get(role.roleId) }) };
}
