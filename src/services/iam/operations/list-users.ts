import { paginate } from '../domain/pagination.js';
import { renderUser } from '../domain/render.js';
import type { ListUsersRequest, ListUsersResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

/** Users under a path prefix, in name order. https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUsers.html */
export function listUsers(input: ListUsersRequest, ctx: Ctx): ListUsersResponse {
  const page = paginate(ctx.store.users.list(ctx.accountId, input.PathPrefix), (u) => u.name.toLowerCase(), input.Marker, input.MaxItems);
  return { Users: page.items.map((u) => renderUser(u)), IsTruncated: page.IsTruncated, Marker: page.Marker };
}
