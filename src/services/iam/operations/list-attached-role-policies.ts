import type { ListAttachedRolePoliciesRequest, ListAttachedRolePoliciesResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { listAttachedPolicies } from '../principal-policies.js';

export function listAttachedRolePolicies(input: ListAttachedRolePoliciesRequest, ctx: Ctx): ListAttachedRolePoliciesResponse {
  return listAttachedPolicies(ctx, 'role', input.RoleName, input.PathPrefix, input.Marker, input.MaxItems);
}
