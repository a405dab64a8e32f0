import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { UpdateGroupRequest } from '../generated/types.js';
import { requireGroup, type Ctx } from '../lookup.js';

export async function updateGroup(input: UpdateGroupRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const group = requireGroup(ctx, input.GroupName);
    const newName = input.NewGroupName ?? group.name;
    if (newName.toLowerCase() !== group.name.toLowerCase() && ctx.store.groups.get(ctx.accountId, newName)) throw IamErrors.groupExists(newName);
    ctx.store.groups.rename(group.groupId, newName, input.NewPath ?? group.path);
  });
  return {};
}
