import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { PutUserPermissionsBoundaryRequest } from '../generated/types.js';
import { findManagedPolicy, requireUser, type Ctx } from '../lookup.js';

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPermissionsBoundary.html */
export async function putUserPermissionsBoundary(input: PutUserPermissionsBoundaryRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const user = requireUser(ctx, input.UserName);
    findManagedPolicy(ctx, input.PermissionsBoundary, 'attach');
    ctx.store.users.setBoundary(user.userId, input.PermissionsBoundary);
  });
  return {};
}
