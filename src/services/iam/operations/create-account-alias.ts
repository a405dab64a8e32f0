import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { CreateAccountAliasRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

/**
 * An account has one alias; a new one replaces it. Aliases are unique across accounts.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/console-account-alias.html
 */
export async function createAccountAlias(input: CreateAccountAliasRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const owner = ctx.store.account.aliasOwner(input.AccountAlias);
    if (owner !== undefined && owner !== ctx.accountId) throw IamErrors.aliasExists(input.AccountAlias);
    ctx.store.account.setAlias(ctx.accountId, input.AccountAlias);
  });
  return {};
}
