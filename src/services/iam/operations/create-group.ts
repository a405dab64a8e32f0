import { IamErrors } from '../domain/errors.js';
import { iamNow, uniqueId } from '../domain/ids.js';
import { renderGroup } from '../domain/render.js';
import type { CreateGroupRequest, CreateGroupResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import type { GroupRow } from '../store/records.js';

export async function createGroup(input: CreateGroupRequest, ctx: Ctx): Promise<CreateGroupResponse> {
  const group: GroupRow = { accountId: ctx.accountId, groupId: uniqueId('AGPA'), name: input.GroupName, path: input.Path ?? '/', createDate: iamNow(ctx.now()) };
  await ctx.store.transaction(() => {
    if (ctx.store.groups.get(ctx.accountId, input.GroupName)) throw IamErrors.groupExists(input.GroupName);
    ctx.store.groups.insert(group);
  });
  return { Group: renderGroup(group) };
}
