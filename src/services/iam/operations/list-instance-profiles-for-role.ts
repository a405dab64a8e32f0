import { paginate } from '../domain/pagination.js';
import { renderInstanceProfile } from '../domain/render.js';
import type { ListInstanceProfilesForRoleRequest, ListInstanceProfilesForRoleResponse } from '../generated/types.js';
import { requireRole, type Ctx } from '../lookup.js';
import { profileRoles } from './list-instance-profiles.js';

export function listInstanceProfilesForRole(input: ListInstanceProfilesForRoleRequest, ctx: Ctx): ListInstanceProfilesForRoleResponse {
  const role = requireRole(ctx, input.RoleName);
  const page = paginate(ctx.store.instanceProfiles.forRole(role.roleId), (p) => p.name.toLowerCase(), input.Marker, input.MaxItems);
  return { InstanceProfiles: page.items.map((p) => renderInstanceProfile(p, profileRoles(ctx, p.profileId))), IsTruncated: page.IsTruncated, Marker: page.Marker };
}
