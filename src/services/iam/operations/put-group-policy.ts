import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { PutGroupPolicyRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { putInlinePolicy } from '../principal-policies.js';

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutGroupPolicy.html */
export async function putGroupPolicy(input: PutGroupPolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  await putInlinePolicy(ctx, 'group', input.GroupName, input.PolicyName, input.PolicyDocument);
  return {};
}
