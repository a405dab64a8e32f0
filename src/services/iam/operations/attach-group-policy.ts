import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { AttachGroupPolicyRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { attachPolicy } from '../principal-policies.js';

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachGroupPolicy.html */
export async function attachGroupPolicy(input: AttachGroupPolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  await attachPolicy(ctx, 'group', input.GroupName, input.PolicyArn);
  return {};
}
