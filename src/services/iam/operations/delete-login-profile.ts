import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { DeleteLoginProfileRequest } from '../generated/types.js';
import { targetUser, type Ctx } from '../lookup.js';

export async function deleteLoginProfile(input: DeleteLoginProfileRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const user = targetUser(ctx, input.UserName);
    if (!user || !ctx.store.loginProfiles.get(user.userId)) throw IamErrors.noSuchLoginProfile(user?.name ?? input.UserName ?? ctx.accountId);
    ctx.store.loginProfiles.delete(user.userId);
  });
  return {};
}
