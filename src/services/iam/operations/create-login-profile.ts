import { IamErrors } from '../domain/errors.js';
import { iamNow } from '../domain/ids.js';
import { checkPassword, hashPassword } from '../domain/passwords.js';
import type { CreateLoginProfileRequest, CreateLoginProfileResponse } from '../generated/types.js';
import { targetUser, type Ctx } from '../lookup.js';

/** A console password for a user, checked against the account password policy if one is set. */
export async function createLoginProfile(input: CreateLoginProfileRequest, ctx: Ctx): Promise<CreateLoginProfileResponse> {
  if (input.Password === undefined) throw IamErrors.invalidInput('Password is required to create a login profile.');
  checkPassword(input.Password, ctx.store.passwordPolicies.get(ctx.accountId));
  const hash = hashPassword(input.Password);
  const now = iamNow(ctx.now());
  const resetRequired = input.PasswordResetRequired ?? false;
  const userName = await ctx.store.transaction(() => {
    const user = targetUser(ctx, input.UserName);
    if (!user) throw IamErrors.invalidInput('The root user has no login profile in Nimbus.');
    if (ctx.store.loginProfiles.get(user.userId)) throw IamErrors.loginProfileExists(user.name);
    ctx.store.loginProfiles.put({ userId: user.userId, passwordHash: hash, createDate: now, resetRequired });
    return user.name;
  });
  return { LoginProfile: { UserName: userName, CreateDate: now, PasswordResetRequired: resetRequired } };
}
