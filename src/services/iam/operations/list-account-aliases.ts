import type { ListAccountAliasesRequest, ListAccountAliasesResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

export function listAccountAliases(_input: ListAccountAliasesRequest, ctx: Ctx): ListAccountAliasesResponse {
  const alias = ctx.store.account.alias(ctx.accountId);
  return { AccountAliases: alias ? [alias] : [], IsTruncated: false };
}
