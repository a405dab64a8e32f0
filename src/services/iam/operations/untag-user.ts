import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { UntagUserRequest } from '../generated/types.js';
import { requireUser, type Ctx } from '../lookup.js';
import { removeTags } from '../tagging.js';

export async function untagUser(input: UntagUserRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => removeTags(ctx, requireUser(ctx, input.UserName).userId, input.TagKeys));
  return {};
}
