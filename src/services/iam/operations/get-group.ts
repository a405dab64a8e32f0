import { paginate } from '../domain/pagination.js';
import { renderGroup, renderUser } from '../domain/render.js';
import type { GetGroupRequest, GetGroupResponse } from '../generated/types.js';
import { requireGroup, type Ctx } from '../lookup.js';

/** The group and its members (paged). https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetGroup.html */
export function getGroup(input: GetGroupRequest, ctx: Ctx): GetGroupResponse {
  const group = requireGroup(ctx, input.GroupName);
  const page = paginate(ctx.store.groups.members(group.groupId), (u) => u.name.toLowerCase(), input.Marker, input.MaxItems);
  return { Group: renderGroup(group), Users: page.items.map((u) => renderUser(u)), IsTruncated: page.IsTruncated, Marker: page.Marker };
}
