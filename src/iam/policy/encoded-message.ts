// PLACEHOLDER (being written by the policy-engine helper).
import type { AuthorizationRequest, Decision } from '../types.js';

/** EC2-style encoded authorization failure message for a denial. */
export function encodeAuthorizationMessage(request: AuthorizationRequest, decision: Decision): string {
  return Buffer.from(JSON.stringify({ allowed: decision.allowed, action: request.action })).toString('base64');
}

/** The JSON text STS DecodeAuthorizationMessage returns, or undefined if the message is not one Nimbus encoded. */
export function decodeAuthorizationMessage(encoded: string): string | undefined {
  void encoded;
  return undefined;
}
