import { AWS_MANAGED_POLICIES } from '../domain/aws-managed-policies.js';
import { paginate } from '../domain/pagination.js';
import { renderAwsPolicy, renderManagedPolicy } from '../domain/render.js';
import type { ListPoliciesRequest, ListPoliciesResponse, Policy } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { policyCounts } from '../policy-counts.js';

/**
 * Managed policies: Scope All (default), AWS or Local; OnlyAttached keeps those attached to a
 * principal (with PolicyUsageFilter PermissionsBoundary: those used as a boundary); PathPrefix on
 * the policy path. In name order. https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListPolicies.html
 */
export function listPolicies(input: ListPoliciesRequest, ctx: Ctx): ListPoliciesResponse {
  const scope = input.Scope ?? 'All';
  const counts = policyCounts(ctx);
  const all: Policy[] = [];
  if (scope !== 'Local') for (const p of AWS_MANAGED_POLICIES) all.push(renderAwsPolicy(p, counts.get(p.arn)));
  if (scope !== 'AWS') for (const p of ctx.store.policies.list(ctx.accountId)) all.push(renderManagedPolicy(p, counts.get(p.arn)));
  const prefix = input.PathPrefix ?? '/';
  const kept = all.filter((p) => {
    if (!p.Path!.startsWith(prefix)) return false;
    if (!input.OnlyAttached) return true;
    if (input.PolicyUsageFilter === 'PermissionsBoundary') return p.PermissionsBoundaryUsageCount! > 0;
    return p.AttachmentCount! > 0;
  });
  const key = (p: Policy) => `${p.PolicyName!.toLowerCase()}\u0000${p.Arn}`;
  kept.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const page = paginate(kept, key, input.Marker, input.MaxItems);
  return { Policies: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
}
