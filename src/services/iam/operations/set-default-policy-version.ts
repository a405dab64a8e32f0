import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import { iamNow } from '../domain/ids.js';
import type { SetDefaultPolicyVersionRequest } from '../generated/types.js';
import { requireCustomerPolicy, versionNumber, type Ctx } from '../lookup.js';

/** Makes a version the one in force; every principal it is attached to sees it at once. */
export async function setDefaultPolicyVersion(input: SetDefaultPolicyVersionRequest, ctx: Ctx): Promise<EmptyOutput> {
  const now = iamNow(ctx.now());
  await ctx.store.transaction(() => {
    const policy = requireCustomerPolicy(ctx, input.PolicyArn);
    const n = versionNumber(input.VersionId);
    if (n === undefined || !ctx.store.policies.version(policy.policyId, n)) throw IamErrors.noSuchPolicyVersion(input.PolicyArn, input.VersionId);
    ctx.store.policies.setDefault(policy.policyId, n, now);
  });
  return {};
}
