import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { DeleteUserRequest } from '../generated/types.js';
import { requireUser, type Ctx } from '../lookup.js';

/**
 * AWS refuses to delete a user that still has anything attached, naming the first thing to remove
 * in the order the documentation lists them: password, access keys, MFA devices, inline policies,
 * attached managed policies, group memberships.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUser.html
 */
export async function deleteUser(input: DeleteUserRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const s = ctx.store;
    const user = requireUser(ctx, input.UserName);
    if (s.loginProfiles.get(user.userId)) throw IamErrors.mustDeleteFirst('delete login profile');
    if (s.keys.forUser(user.userId).length) throw IamErrors.mustDeleteFirst('delete access keys');
    if (s.mfa.forUser(user.userId).length) throw IamErrors.mustDeleteFirst('delete MFA device');
    if (s.inline.count(user.userId)) throw IamErrors.mustDeleteFirst('delete policies');
    if (s.attachments.forOwner(user.userId).length) throw IamErrors.mustDeleteFirst('detach all policies');
    if (s.groups.forUser(user.userId).length) throw IamErrors.mustDeleteFirst('remove users from group');
    s.tags.clear(user.userId);
    s.users.delete(user.userId);
  });
  return {};
}
