import { IamErrors } from '../domain/errors.js';
import type { EmptyInput, EmptyOutput } from '../../../protocol/handler-types.js';
import type { Ctx } from '../lookup.js';

export async function deleteAccountPasswordPolicy(_input: EmptyInput, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    if (!ctx.store.passwordPolicies.delete(ctx.accountId)) throw IamErrors.noPasswordPolicy(ctx.accountId);
  });
  return {};
}
