import type { ListRolePoliciesRequest, ListRolePoliciesResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { listInlinePolicies } from '../principal-policies.js';

export function listRolePolicies(input: ListRolePoliciesRequest, ctx: Ctx): ListRolePoliciesResponse {
  return listInlinePolicies(ctx, 'role', input.RoleName, input.Marker, input.MaxItems);
}
