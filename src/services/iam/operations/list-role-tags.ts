import type { ListRoleTagsRequest, ListRoleTagsResponse } from '../generated/types.js';
import { requireRole, type Ctx } from '../lookup.js';
import { listTags } from '../tagging.js';

export function listRoleTags(input: ListRoleTagsRequest, ctx: Ctx): ListRoleTagsResponse {
  return listTags(ctx, requireRole(ctx, input.RoleName).roleId, input.Marker, input.MaxItems);
}
