/**
 * AWS's AccessDenied wording: "User: <arn> is not authorized to perform: <action>[ on resource:
 * <arn>] <context>", where the context names the policy type —
 * "with an explicit deny in a(n) <type>" or "because no <type> allows the <action> action".
 * "on resource: …" is left out for actions without a resource (`*`). AWS names one policy type
 * even when several deny.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 *
 * Since 2025 AWS also appends the ARN of the denying policy to explicit denies by identity-based
 * policies, permissions boundaries and session policies when the request stays within the
 * account: "… with an explicit deny in an identity-based policy: arn:aws:iam::…:policy/Name".
 * Inline policies have no ARN, so nothing is appended for them.
 * https://aws.amazon.com/blogs/security/enhanced-access-denied-error-messages-with-policy-arns/
 *
 * Role trust policies (AssumeRole) are worded apart: an explicit deny is "with an explicit deny
 * in the role trust policy"; when the trust policy merely does not allow, AWS gives no reason.
 */
import type { AuthorizationRequest, Decision } from '../types.js';

const EXPLICIT: Record<NonNullable<Decision['deniedBy']>, string> = {
  identity: 'an identity-based policy',
  resource: 'a resource-based policy',
  boundary: 'a permissions boundary',
  session: 'a session policy',
};

const IMPLICIT: Record<NonNullable<Decision['deniedBy']>, string> = {
  identity: 'identity-based policy',
  resource: 'resource-based policy',
  boundary: 'permissions boundary',
  session: 'session policy',
};

/** Who the message names: the caller's ARN, or "anonymous" for unsigned requests. */
function callerName(request: AuthorizationRequest): string {
  const p = request.principal;
  if (p.type === 'anonymous') return 'anonymous';
  if (p.type === 'service') return p.service ?? p.arn;
  return p.arn;
}

/** AWS's AccessDenied message for a denial (an empty string for a decision that allowed). */
export function accessDeniedMessage(request: AuthorizationRequest, decision: Decision): string {
  if (decision.allowed) return '';
  const onResource = request.resource === '*' ? '' : ` on resource: ${request.resource}`;
  const head = `User: ${callerName(request)} is not authorized to perform: ${request.action}${onResource}`;
  const by = decision.deniedBy ?? 'identity';
  const trust = by === 'resource' && isTrustDenial(decision, request);
  if (decision.outcome === 'explicit-deny') {
    if (trust) return `${head} with an explicit deny in the role trust policy`;
    return `${head} with an explicit deny in ${EXPLICIT[by]}${policyArnSuffix(request, decision)}`;
  }
  if (trust) return head;
  return `${head} because no ${IMPLICIT[by]} allows the ${request.action} action`;
}

function isTrustDenial(decision: Decision, request: AuthorizationRequest): boolean {
  if (decision.deciding) return decision.deciding.source.type === 'trust';
  // Implicit: no statement decided; a trust policy is recognisable by the action it guards.
  return /^sts:AssumeRole/i.test(request.action);
}

function policyArnSuffix(request: AuthorizationRequest, decision: Decision): string {
  const by = decision.deniedBy;
  if (by !== 'identity' && by !== 'boundary' && by !== 'session') return '';
  const sameAccount = request.resourceAccount === undefined || request.resourceAccount === request.principal.accountId;
  const arn = decision.deciding?.source.arn;
  return sameAccount && arn ? `: ${arn}` : '';
}
