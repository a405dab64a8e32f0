import { paginate } from '../domain/pagination.js';
import { renderRole } from '../domain/render.js';
import type { ListRolesRequest, ListRolesResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

/** Roles under a path prefix, in name order, without tags, boundary or last use (as AWS lists them). */
export function listRoles(input: ListRolesRequest, ctx: Ctx): ListRolesResponse {
  const page = paginate(ctx.store.roles.list(ctx.accountId, input.PathPrefix), (r) => r.name.toLowerCase(), input.Marker, input.MaxItems);
  return { Roles: page.items.map((r) => renderRole(r)), IsTruncated: page.IsTruncated, Marker: page.Marker };
}
