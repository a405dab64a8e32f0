import type { ListAttachedGroupPoliciesRequest, ListAttachedGroupPoliciesResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { listAttachedPolicies } from '../principal-policies.js';

export function listAttachedGroupPolicies(input: ListAttachedGroupPoliciesRequest, ctx: Ctx): ListAttachedGroupPoliciesResponse {
  return listAttachedPolicies(ctx, 'group', input.GroupName, input.PathPrefix, input.Marker, input.MaxItems);
}
