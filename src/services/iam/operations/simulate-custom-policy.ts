import { paginateByIndex } from '../domain/pagination.js';
import { contextFrom, simulate } from '../domain/simulate.js';
import type { SimulateCustomPolicyRequest, SimulatePolicyResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { callerPrincipal, inputPolicies, resourcePolicy } from './simulation-sources.js';

/** Simulates only the policies given in the request. https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html */
export function simulateCustomPolicy(input: SimulateCustomPolicyRequest, ctx: Ctx): SimulatePolicyResponse {
  const results = simulate(
    {
      principal: callerPrincipal(ctx, input.CallerArn),
      identity: inputPolicies(input.PolicyInputList, 'PolicyInputList', 'identity'),
      boundary: inputPolicies(input.PermissionsBoundaryPolicyInputList, 'PermissionsBoundaryPolicyInputList', 'boundary'),
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
