import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { UpdateAccessKeyRequest } from '../generated/types.js';
import { targetUser, type Ctx } from '../lookup.js';

/** Active ↔ Inactive; requests signed with an Inactive key are refused. */
export async function updateAccessKey(input: UpdateAccessKeyRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const user = targetUser(ctx, input.UserName);
    const key = ctx.store.keys.get(input.AccessKeyId);
    if (!user || !key || key.userId !== user.userId) throw IamErrors.noSuchAccessKey(input.AccessKeyId);
    ctx.store.keys.setStatus(key.accessKeyId, input.Status);
  });
  return {};
}
