import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { UpdateUserRequest } from '../generated/types.js';
import { requireUser, type Ctx } from '../lookup.js';

/** Renames a user and/or moves it to another path. https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateUser.html */
export async function updateUser(input: UpdateUserRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const user = requireUser(ctx, input.UserName);
    const newName = input.NewUserName ?? user.name;
    if (newName.toLowerCase() !== user.name.toLowerCase() && ctx.store.users.get(ctx.accountId, newName)) throw IamErrors.userExists(newName);
    ctx.store.users.rename(user.userId, newName, input.NewPath ?? user.path);
  });
  return {};
}
