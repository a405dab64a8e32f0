import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { TagUserRequest } from '../generated/types.js';
import { requireUser, type Ctx } from '../lookup.js';
import { addTags } from '../tagging.js';

export async function tagUser(input: TagUserRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => addTags(ctx, requireUser(ctx, input.UserName).userId, input.Tags));
  return {};
}
