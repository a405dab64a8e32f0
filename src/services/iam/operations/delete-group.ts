import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { DeleteGroupRequest } from '../generated/types.js';
import { requireGroup, type Ctx } from '../lookup.js';

/** Refused while the group has members or policies. https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteGroup.html */
export async function deleteGroup(input: DeleteGroupRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const s = ctx.store;
    const group = requireGroup(ctx, input.GroupName);
    if (s.groups.members(group.groupId).length) throw IamErrors.mustDeleteFirst('remove users from group');
    if (s.inline.count(group.groupId)) throw IamErrors.mustDeleteFirst('delete policies');
    if (s.attachments.forOwner(group.groupId).length) throw IamErrors.mustDeleteFirst('detach all policies');
    s.groups.delete(group.groupId);
  });
  return {};
}
