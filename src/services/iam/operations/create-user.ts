import { iamNow, uniqueId } from '../domain/ids.js';
import { IamErrors } from '../domain/errors.js';
import { renderUser } from '../domain/render.js';
import { checkRequestTags } from '../domain/tags.js';
import type { CreateUserRequest, CreateUserResponse } from '../generated/types.js';
import { findManagedPolicy, type Ctx } from '../lookup.js';
import type { UserRow } from '../store/records.js';

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html */
export async function createUser(input: CreateUserRequest, ctx: Ctx): Promise<CreateUserResponse> {
  checkRequestTags(input.Tags);
  if (input.PermissionsBoundary !== undefined) findManagedPolicy(ctx, input.PermissionsBoundary, 'attach');
  const user: UserRow = {
    accountId: ctx.accountId,
    userId: uniqueId('AIDA'),
    name: input.UserName,
    path: input.Path ?? '/',
    createDate: iamNow(ctx.now()),
    boundaryArn: input.PermissionsBoundary,
  };
  await ctx.store.transaction(() => {
    if (ctx.store.users.get(ctx.accountId, input.UserName)) throw IamErrors.userExists(input.UserName);
    ctx.store.users.insert(user);
    if (input.Tags?.length) ctx.store.tags.set(user.userId, input.Tags);
  });
  return { User: renderUser(user, { tags: input.Tags ?? [] }) };
}
