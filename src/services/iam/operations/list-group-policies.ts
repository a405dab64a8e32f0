import type { ListGroupPoliciesRequest, ListGroupPoliciesResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { listInlinePolicies } from '../principal-policies.js';

export function listGroupPolicies(input: ListGroupPoliciesRequest, ctx: Ctx): ListGroupPoliciesResponse {
  return listInlinePolicies(ctx, 'group', input.GroupName, input.Marker, input.MaxItems);
}
