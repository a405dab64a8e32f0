import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { AddUserToGroupRequest } from '../generated/types.js';
import { requireGroup, requireUser, type Ctx } from '../lookup.js';

/** A user can be in at most 10 groups. Adding a member twice succeeds, as on AWS. */
export const GROUPS_PER_USER = 10;

export async function addUserToGroup(input: AddUserToGroupRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const group = requireGroup(ctx, input.GroupName);
    const user = requireUser(ctx, input.UserName);
    const groups = ctx.store.groups.forUser(user.userId);
    if (groups.some((g) => g.groupId === group.groupId)) return;
    if (groups.length >= GROUPS_PER_USER) throw IamErrors.quota('GroupsPerUser', GROUPS_PER_USER);
    ctx.store.groups.addMember(group.groupId, user.userId);
  });
  return {};
}
