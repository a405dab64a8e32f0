import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { DeletePolicyVersionRequest } from '../generated/types.js';
import { requireCustomerPolicy, versionNumber, type Ctx } from '../lookup.js';

/** The default version cannot be deleted (DeleteConflict). */
export async function deletePolicyVersion(input: DeletePolicyVersionRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const policy = requireCustomerPolicy(ctx, input.PolicyArn);
    const n = versionNumber(input.VersionId);
    if (n === undefined || !ctx.store.policies.version(policy.policyId, n)) throw IamErrors.noSuchPolicyVersion(input.PolicyArn, input.VersionId);
    if (n === policy.defaultVersion) throw IamErrors.defaultVersion();
    ctx.store.policies.deleteVersion(policy.policyId, n);
  });
  return {};
}
