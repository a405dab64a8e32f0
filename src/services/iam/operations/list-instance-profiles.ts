import { paginate } from '../domain/pagination.js';
import { renderInstanceProfile } from '../domain/render.js';
import type { ListInstanceProfilesRequest, ListInstanceProfilesResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import type { RoleRow } from '../store/records.js';

export function profileRoles(ctx: Ctx, profileId: string): RoleRow[] {
  return ctx.store.instanceProfiles.roleIds(profileId).flatMap((id) => ctx.store.roles.byId(id) ?? []);
}

/** In name order, with their roles and without tags, as AWS lists them. */
export function listInstanceProfiles(input: ListInstanceProfilesRequest, ctx: Ctx): ListInstanceProfilesResponse {
  const page = paginate(ctx.store.instanceProfiles.list(ctx.accountId, input.PathPrefix), (p) => p.name.toLowerCase(), input.Marker, input.MaxItems);
  return { InstanceProfiles: page.items.map((p) => renderInstanceProfile(p, profileRoles(ctx, p.profileId))), IsTruncated: page.IsTruncated, Marker: page.Marker };
}
