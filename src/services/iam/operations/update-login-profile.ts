import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import { checkPassword, hashPassword } from '../domain/passwords.js';
import type { UpdateLoginProfileRequest } from '../generated/types.js';
import { requireUser, type Ctx } from '../lookup.js';

/** Changes the password and/or the reset flag; members left out stay as they were. */
export async function updateLoginProfile(input: UpdateLoginProfileRequest, ctx: Ctx): Promise<EmptyOutput> {
  if (input.Password !== undefined) checkPassword(input.Password, ctx.store.passwordPolicies.get(ctx.accountId));
  const hash = input.Password === undefined ? undefined : hashPassword(input.Password);
  await ctx.store.transaction(() => {
    const user = requireUser(ctx, input.UserName);
    const profile = ctx.store.loginProfiles.get(user.userId);
    if (!profile) throw IamErrors.noSuchLoginProfile(user.name);
    ctx.store.loginProfiles.put({ ...profile, passwordHash: hash ?? profile.passwordHash, resetRequired: input.PasswordResetRequired ?? profile.resetRequired });
  });
  return {};
}
