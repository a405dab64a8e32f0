import { renderAwsPolicy, renderManagedPolicy } from '../domain/render.js';
import type { GetPolicyRequest, GetPolicyResponse } from '../generated/types.js';
import { findManagedPolicy, type Ctx } from '../lookup.js';
import { countsFor } from '../policy-counts.js';

/** Customer or AWS managed. https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetPolicy.html */
export function getPolicy(input: GetPolicyRequest, ctx: Ctx): GetPolicyResponse {
  const found = findManagedPolicy(ctx, input.PolicyArn, 'get');
  const counts = countsFor(ctx, input.PolicyArn);
  if (found.kind === 'aws') return { Policy: renderAwsPolicy(found.policy, counts, true) };
  return { Policy: renderManagedPolicy(found.policy, counts, { tags: ctx.store.tags.get(found.policy.policyId) }) };
}
