// PLACEHOLDER (being written by the policy-engine helper).
import type { AuthorizationRequest, Decision, PolicySet } from '../types.js';

/** The decision for one request against the policies that apply (AWS's evaluation logic). */
export function evaluate(request: AuthorizationRequest, policies: PolicySet): Decision {
  void request;
  void policies;
  return { allowed: false, outcome: 'implicit-deny', deniedBy: 'identity', matched: [] };
}
