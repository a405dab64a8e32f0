import { IamErrors } from '../domain/errors.js';
import type { EmptyInput } from '../../../protocol/handler-types.js';
import type { GetAccountPasswordPolicyResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

export function getAccountPasswordPolicy(_input: EmptyInput, ctx: Ctx): GetAccountPasswordPolicyResponse {
  const policy = ctx.store.passwordPolicies.get(ctx.accountId);
  if (!policy) throw IamErrors.noPasswordPolicy(ctx.accountId);
  return { PasswordPolicy: policy };
}
