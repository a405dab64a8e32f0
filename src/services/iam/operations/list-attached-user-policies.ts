import type { ListAttachedUserPoliciesRequest, ListAttachedUserPoliciesResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { listAttachedPolicies } from '../principal-policies.js';

export function listAttachedUserPolicies(input: ListAttachedUserPoliciesRequest, ctx: Ctx): ListAttachedUserPoliciesResponse {
  return listAttachedPolicies(ctx, 'user', input.UserName, input.PathPrefix, input.Marker, input.MaxItems);
}
