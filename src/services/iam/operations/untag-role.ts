import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { UntagRoleRequest } from '../generated/types.js';
import { requireRole, type Ctx } from '../lookup.js';
import { removeTags } from '../tagging.js';

export async function untagRole(input: UntagRoleRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => removeTags(ctx, requireRole(ctx, input.RoleName).roleId, input.TagKeys));
  return {};
}
