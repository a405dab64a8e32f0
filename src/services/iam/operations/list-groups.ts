import { paginate } from '../domain/pagination.js';
import { renderGroup } from '../domain/render.js';
import type { ListGroupsRequest, ListGroupsResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

export function listGroups(input: ListGroupsRequest, ctx: Ctx): ListGroupsResponse {
  const page = paginate(ctx.store.groups.list(ctx.accountId, input.PathPrefix), (g) => g.name.toLowerCase(), input.Marker, input.MaxItems);
  return { Groups: page.items.map(renderGroup), IsTruncated: page.IsTruncated, Marker: page.Marker };
}
