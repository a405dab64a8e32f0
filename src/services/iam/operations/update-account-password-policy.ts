import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { passwordPolicyFrom } from '../domain/passwords.js';
import type { UpdateAccountPasswordPolicyRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html */
export async function updateAccountPasswordPolicy(input: UpdateAccountPasswordPolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  const policy = passwordPolicyFrom(input);
  await ctx.store.transaction(() => ctx.store.passwordPolicies.put(ctx.accountId, policy));
  return {};
}
