import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { PutUserPolicyRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { putInlinePolicy } from '../principal-policies.js';

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html */
export async function putUserPolicy(input: PutUserPolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  await putInlinePolicy(ctx, 'user', input.UserName, input.PolicyName, input.PolicyDocument);
  return {};
}
