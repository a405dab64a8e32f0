import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { NoSuchEntityException } from '../generated/errors.js';
import type { DeleteAccountAliasRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

export async function deleteAccountAlias(input: DeleteAccountAliasRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    if (!ctx.store.account.deleteAlias(ctx.accountId, input.AccountAlias)) throw new NoSuchEntityException(`The account alias ${input.AccountAlias} cannot be found.`);
  });
  return {};
}
