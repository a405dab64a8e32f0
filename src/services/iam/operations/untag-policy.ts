import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { UntagPolicyRequest } from '../generated/types.js';
import { requireCustomerPolicy, type Ctx } from '../lookup.js';
import { removeTags } from '../tagging.js';

export async function untagPolicy(input: UntagPolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => removeTags(ctx, requireCustomerPolicy(ctx, input.PolicyArn).policyId, input.TagKeys));
  return {};
}
