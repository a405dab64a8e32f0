import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { PutRolePolicyRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { putInlinePolicy } from '../principal-policies.js';

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html */
export async function putRolePolicy(input: PutRolePolicyRequest, ctx: Ctx): Promise<EmptyOutput> {
  await putInlinePolicy(ctx, 'role', input.RoleName, input.PolicyName, input.PolicyDocument);
  return {};
}
