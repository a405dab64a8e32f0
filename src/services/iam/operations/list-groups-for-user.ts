import { paginate } from '../domain/pagination.js';
import { renderGroup } from '../domain/render.js';
import type { ListGroupsForUserRequest, ListGroupsForUserResponse } from '../generated/types.js';
import { requireUser, type Ctx } from '../lookup.js';

export function listGroupsForUser(input: ListGroupsForUserRequest, ctx: Ctx): ListGroupsForUserResponse {
  const user = requireUser(ctx, input.UserName);
  const page = paginate(ctx.store.groups.forUser(user.userId), (g) => g.name.toLowerCase(), input.Marker, input.MaxItems);
  return { Groups: page.items.map(renderGroup), IsTruncated: page.IsTruncated, Marker: page.Marker };
}
