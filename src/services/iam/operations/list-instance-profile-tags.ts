import type { ListInstanceProfileTagsRequest, ListInstanceProfileTagsResponse } from '../generated/types.js';
import { requireInstanceProfile, type Ctx } from '../lookup.js';
import { listTags } from '../tagging.js';

export function listInstanceProfileTags(input: ListInstanceProfileTagsRequest, ctx: Ctx): ListInstanceProfileTagsResponse {
  return listTags(ctx, requireInstanceProfile(ctx, input.InstanceProfileName).profileId, input.Marker, input.MaxItems);
}
