import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { RemoveUserFromGroupRequest } from '../generated/types.js';
import { requireGroup, requireUser, type Ctx } from '../lookup.js';

export async function removeUserFromGroup(input: RemoveUserFromGroupRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const group = requireGroup(ctx, input.GroupName);
    const user = requireUser(ctx, input.UserName);
    if (!ctx.store.groups.removeMember(group.groupId, user.userId)) throw IamErrors.userNotInGroup(user.name, group.name);
  });
  return {};
}
