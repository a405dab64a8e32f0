import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { AddRoleToInstanceProfileRequest } from '../generated/types.js';
import { requireInstanceProfile, requireRole, type Ctx } from '../lookup.js';

/** An instance profile holds one role ("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1"). */
export async function addRoleToInstanceProfile(input: AddRoleToInstanceProfileRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const p = requireInstanceProfile(ctx, input.InstanceProfileName);
    const role = requireRole(ctx, input.RoleName);
    if (ctx.store.instanceProfiles.roleIds(p.profileId).length) throw IamErrors.quota('InstanceSessionsPerInstanceProfile', 1);
    ctx.store.instanceProfiles.addRole(p.profileId, role.roleId);
  });
  return {};
}
