import type { ListPolicyTagsRequest, ListPolicyTagsResponse } from '../generated/types.js';
import { findManagedPolicy, type Ctx } from '../lookup.js';
import { listTags } from '../tagging.js';

export function listPolicyTags(input: ListPolicyTagsRequest, ctx: Ctx): ListPolicyTagsResponse {
  const found = findManagedPolicy(ctx, input.PolicyArn, 'get');
  if (found.kind === 'aws') return { Tags: [], IsTruncated: false };
  return listTags(ctx, found.policy.policyId, input.Marker, input.MaxItems);
}
