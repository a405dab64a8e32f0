import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { TagPolicyRequest } from '../generated/types.js';
import { requireCustomerPolicy, type Ctx } from '../lookup.js';
import { addTags } from '../tagging.js';

export async function tagPolicy(input: TagPolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => addTags(ctx, requireCustomerPolicy(ctx, input.PolicyArn).policyId, input.Tags));
  return {};
}
