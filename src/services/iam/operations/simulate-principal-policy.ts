import { paginateByIndex } from '../domain/pagination.js';
import { contextFrom, simulate, type SimPolicy } from '../domain/simulate.js';
import type { SimulatePolicyResponse, SimulatePrincipalPolicyRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { callerPrincipal, entityPolicies, inputPolicies, resourcePolicy } from './simulation-sources.js';

/**
 * Simulates the policies of a user (with its groups'), group or role, plus any policies given in
 * the request, for each action and resource. The entity's permissions boundary applies unless the
 * request gives boundaries. https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 */
export function simulatePrincipalPolicy(input: SimulatePrincipalPolicyRequest, ctx: Ctx): SimulatePolicyResponse {
  const entity = entityPolicies(ctx, input.PolicySourceArn);
  let boundary: SimPolicy[] = inputPolicies(input.PermissionsBoundaryPolicyInputList, 'PermissionsBoundaryPolicyInputList', 'boundary');
  if (!boundary.length && entity.boundaryArn) {
    const attached = ctx.store.directory.managedPolicy(entity.boundaryArn);
    if (attached) boundary = [{ attached: { policy: attached.policy, source: { ...attached.source, type: 'boundary' } }, id: entity.boundaryArn.slice(entity.boundaryArn.lastIndexOf('/') + 1), type: 'none' }];
  }
  const principal = input.CallerArn ? callerPrincipal(ctx, input.CallerArn) : entity.principal;
  const results = simulate(
    {
      principal,
      identity: [...entity.identity, ...inputPolicies(input.PolicyInputList, 'PolicyInputList', 'identity')],
      boundary,
      resourcePolicy: resourcePolicy(input.ResourcePolicy),
      resourceOwner: input.ResourceOwner,
      context: contextFrom(input.ContextEntries),
    },
    input.ActionNames,
    input.ResourceArns,
  );
  const page = paginateByIndex(results, input.Marker, input.MaxItems);
  return { EvaluationResults: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
}
