import { renderRole } from '../domain/render.js';
import type { UpdateRoleDescriptionRequest, UpdateRoleDescriptionResponse } from '../generated/types.js';
import { requireRole, type Ctx } from '../lookup.js';

export async function updateRoleDescription(input: UpdateRoleDescriptionRequest, ctx: Ctx): Promise<UpdateRoleDescriptionResponse> {
  const role = await ctx.store.transaction(() => {
    const r = requireRole(ctx, input.RoleName);
    ctx.store.roles.update(r.roleId, { description: input.Description });
    return { ...r, description: input.Description };
  });
  return { Role: renderRole(role, { tags: ctx.store.tags.get(role.roleId) }) };
}
