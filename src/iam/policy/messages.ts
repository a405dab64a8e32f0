// PLACEHOLDER (being written by the policy-engine helper).
import type { AuthorizationRequest, Decision } from '../types.js';

/** AWS's AccessDenied wording for a denial. */
export function accessDeniedMessage(request: AuthorizationRequest, decision: Decision): string {
  void decision;
  return `User: ${request.principal.arn} is not authorized to perform: ${request.action} on resource: ${request.resource}`;
}
