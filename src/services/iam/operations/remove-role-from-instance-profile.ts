import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { RemoveRoleFromInstanceProfileRequest } from '../generated/types.js';
import { requireInstanceProfile, requireRole, type Ctx } from '../lookup.js';

export async function removeRoleFromInstanceProfile(input: RemoveRoleFromInstanceProfileRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const p = requireInstanceProfile(ctx, input.InstanceProfileName);
    const role = requireRole(ctx, input.RoleName);
    if (!ctx.store.instanceProfiles.removeRole(p.profileId, role.roleId)) throw IamErrors.noSuchRole(input.RoleName);
  });
  return {};
}
