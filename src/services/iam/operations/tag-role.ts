import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { TagRoleRequest } from '../generated/types.js';
import { requireRole, type Ctx } from '../lookup.js';
import { addTags } from '../tagging.js';

export async function tagRole(input: TagRoleRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => addTags(ctx, requireRole(ctx, input.RoleName).roleId, input.Tags));
  return {};
}
