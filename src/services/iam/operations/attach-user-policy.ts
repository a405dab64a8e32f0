import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { AttachUserPolicyRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { attachPolicy } from '../principal-policies.js';

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachUserPolicy.html */
export async function attachUserPolicy(input: AttachUserPolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  await attachPolicy(ctx, 'user', input.UserName, input.PolicyArn);
  return {};
}
