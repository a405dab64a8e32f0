import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { DeleteUserPermissionsBoundaryRequest } from '../generated/types.js';
import { requireUser, type Ctx } from '../lookup.js';

export async function deleteUserPermissionsBoundary(input: DeleteUserPermissionsBoundaryRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => ctx.store.users.setBoundary(requireUser(ctx, input.UserName).userId, undefined));
  return {};
}
