import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { TagInstanceProfileRequest } from '../generated/types.js';
import { requireInstanceProfile, type Ctx } from '../lookup.js';
import { addTags } from '../tagging.js';

export async function tagInstanceProfile(input: TagInstanceProfileRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => addTags(ctx, requireInstanceProfile(ctx, input.InstanceProfileName).profileId, input.Tags));
  return {};
}
