import type { ListUserTagsRequest, ListUserTagsResponse } from '../generated/types.js';
import { requireUser, type Ctx } from '../lookup.js';
import { listTags } from '../tagging.js';

export function listUserTags(input: ListUserTagsRequest, ctx: Ctx): ListUserTagsResponse {
  return listTags(ctx, requireUser(ctx, input.UserName).userId, input.Marker, input.MaxItems);
}
