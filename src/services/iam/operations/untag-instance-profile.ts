import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { UntagInstanceProfileRequest } from '../generated/types.js';
import { requireInstanceProfile, type Ctx } from '../lookup.js';
import { removeTags } from '../tagging.js';

export async function untagInstanceProfile(input: UntagInstanceProfileRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => removeTags(ctx, requireInstanceProfile(ctx, input.InstanceProfileName).profileId, input.TagKeys));
  return {};
}
