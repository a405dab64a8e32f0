import type { ListUserPoliciesRequest, ListUserPoliciesResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { listInlinePolicies } from '../principal-policies.js';

export function listUserPolicies(input: ListUserPoliciesRequest, ctx: Ctx): ListUserPoliciesResponse {
  return listInlinePolicies(ctx, 'user', input.UserName, input.Marker, input.MaxItems);
}
