import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { DeleteConflictException } from '../generated/errors.js';
import { IamErrors } from '../domain/errors.js';
import type { DeletePolicyRequest } from '../generated/types.js';
import { requireCustomerPolicy, type Ctx } from '../lookup.js';

/**
 * Refused while the policy is attached or used as a permissions boundary, and while it has
 * versions besides the default. https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeletePolicy.html
 */
export async function deletePolicy(input: DeletePolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const s = ctx.store;
    const policy = requireCustomerPolicy(ctx, input.PolicyArn);
    if (s.attachments.owners(ctx.accountId, policy.arn).length || s.attachments.boundaryUses(ctx.accountId, policy.arn)) throw IamErrors.policyAttached();
    if (s.policies.versions(policy.policyId).length > 1) {
      throw new DeleteConflictException(
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
      );
    }
    s.tags.clear(policy.policyId);
    s.policies.delete(policy.policyId);
  });
  return {};
}
