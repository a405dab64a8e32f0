import { IamErrors } from '../domain/errors.js';
import type { GetLoginProfileRequest, GetLoginProfileResponse } from '../generated/types.js';
import { targetUser, type Ctx } from '../lookup.js';

export function getLoginProfile(input: GetLoginProfileRequest, ctx: Ctx): GetLoginProfileResponse {
  const user = targetUser(ctx, input.UserName);
  const profile = user && ctx.store.loginProfiles.get(user.userId);
  if (!user || !profile) throw IamErrors.noSuchLoginProfile(user?.name ?? input.UserName ?? ctx.accountId);
  return { LoginProfile: { UserName: user.name, CreateDate: profile.createDate, PasswordResetRequired: profile.resetRequired } };
}
