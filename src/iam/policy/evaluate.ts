/**
 * evaluate: AWS's policy evaluation logic for one request.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 *
 * 1. An explicit Deny in any policy that applies wins.
 * 2. Within one account an Allow in an identity-based policy (limited by the permissions boundary
 *    and session policies) or in the resource-based policy suffices. How far a resource-policy
 *    Allow reaches depends on how it names the caller (see principals.ts): the user or session
 *    itself — alone; the role of a session (or the user behind a federated session) — still
 *    limited by boundary and session policies; the account — delegation, identity policies must
 *    allow too. Role trust policies and KMS key policies must allow in any case.
 * 3. Across accounts both the caller's identity-based policies and the resource policy must allow.
 * 4. The root user is not subject to identity-based policies: everything in its own account is
 *    allowed unless a resource-based (or session) policy denies it; elsewhere it needs the
 *    resource policy. Anonymous callers and service principals have only resource policies.
 * 5. A federated-user session (GetFederationToken) without a session policy has no permissions
 *    of its own; a role session without one has its role's.
 * 6. `resourceGrants` (S3's ACLs, as Allow statements) are scanned as part of the resource policy.
 *
 * Speed: evaluate reads the context only through `context.get(lowerCasedKey)`, allocates the
 * result, the matched list (only when something matched) and nothing else on the common path.
 */
import type { AttachedPolicy, AuthorizationRequest, ConditionContext, Decision, MatchedStatement, Policy, PolicyKind, PolicySet, PrincipalInfo } from '../types.js';
import { type Candidate, CompiledPolicy } from './compiled.js';
import { beginMissingKeys, endMissingKeys } from './missing-keys.js';
import { compilePolicy } from './parse.js';
import { Grant } from './principals.js';

type DeniedBy = 'identity' | 'resource' | 'boundary' | 'session';

const EMPTY: readonly MatchedStatement[] = Object.freeze([]);

/** What scanning one kind of policy found. */
class Scan {
  matched: MatchedStatement[] | undefined = undefined;
  allow: MatchedStatement | undefined = undefined;
  deny: MatchedStatement | undefined = undefined;
  grant: Grant = Grant.None;

  reset(): void {
    this.allow = undefined;
    this.deny = undefined;
    this.grant = Grant.None;
  }
}

/** One Scan reused across calls; a nested call (never expected) gets its own. */
let idleScan: Scan | undefined = new Scan();

/** An action lower-cased, with its service prefix; cached, as requests repeat a few actions. */
interface ActionKey {
  readonly action: string;
  readonly service: string;
}

const actionKeys = new Map<string, ActionKey>();

function actionKey(action: string): ActionKey {
  let key = actionKeys.get(action);
  if (key === undefined) {
    const lower = action.toLowerCase();
    const colon = lower.indexOf(':');
    key = { action: lower, service: colon < 0 ? lower : lower.slice(0, colon) };
    if (actionKeys.size >= 4096) actionKeys.clear();
    actionKeys.set(action, key);
  }
  return key;
}

/** Policies built by hand (not by parsePolicy) are compiled on first use. */
const compiledByPolicy = new WeakMap<Policy, CompiledPolicy>();

function compiled(policy: Policy, kind: PolicyKind): CompiledPolicy {
  if (policy instanceof CompiledPolicy) return policy;
  let c = compiledByPolicy.get(policy);
  if (!c) {
    c = compilePolicy(policy.text, kind);
    compiledByPolicy.set(policy, c);
  }
  return c;
}

function scanPolicy(scan: Scan, attached: AttachedPolicy, kind: PolicyKind, action: ActionKey, resource: string, context: ConditionContext, principal: PrincipalInfo | undefined): void {
  const policy = compiled(attached.policy, kind);
  const candidates = policy.candidates(action.action, action.service, resource);
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    const st = c.statement;
    const grant = st.appliesTo(c.match, resource, context, principal);
    if (grant === Grant.None) continue;
    const m = policy.matched(attached.source, st.index);
    if (scan.matched === undefined) scan.matched = [m];
    else scan.matched.push(m);
    if (st.isDeny) {
      if (scan.deny === undefined) scan.deny = m;
    } else if (grant > scan.grant) {
      scan.grant = grant;
      scan.allow = m;
    }
  }
}

export function evaluate(request: AuthorizationRequest, policies: PolicySet): Decision {
  const scan = idleScan ?? new Scan();
  idleScan = undefined;
  const outerMissing = beginMissingKeys();
  try {
    return decide(request, policies, scan);
  } finally {
    scan.matched = undefined;
    scan.reset();
    idleScan = scan;
    endMissingKeys(outerMissing);
  }
}

function decide(request: AuthorizationRequest, policies: PolicySet, scan: Scan): Decision {
  const p = request.principal;
  const action = actionKey(request.action);
  const resource = request.resource;
  const context = request.context;
  const type = p.type;
  const subjectToIdentity = type !== 'root' && type !== 'anonymous' && type !== 'service';

  let idAllow: MatchedStatement | undefined;
  let idDeny: MatchedStatement | undefined;
  if (subjectToIdentity) {
    const identity = policies.identity;
    for (let i = 0; i < identity.length; i++) scanPolicy(scan, identity[i] as AttachedPolicy, 'identity', action, resource, context, undefined);
    idAllow = scan.allow;
    idDeny = scan.deny;
  }

  let boundaryAllow: MatchedStatement | undefined;
  let boundaryDeny: MatchedStatement | undefined;
  const boundary = subjectToIdentity ? policies.boundary : undefined;
  if (boundary !== undefined) {
    scan.reset();
    scanPolicy(scan, boundary, 'boundary', action, resource, context, undefined);
    boundaryAllow = scan.allow;
    boundaryDeny = scan.deny;
  }

  let sessionAllow: MatchedStatement | undefined;
  let sessionDeny: MatchedStatement | undefined;
  const sessions = type === 'anonymous' || type === 'service' ? undefined : policies.session;
  const hasSession = sessions !== undefined && sessions.length > 0;
  if (hasSession) {
    scan.reset();
    for (let i = 0; i < sessions.length; i++) scanPolicy(scan, sessions[i] as AttachedPolicy, 'session', action, resource, context, undefined);
    sessionAllow = scan.allow;
    sessionDeny = scan.deny;
  }

  let resourceAllow: MatchedStatement | undefined;
  let resourceDeny: MatchedStatement | undefined;
  let grant = Grant.None;
  const resourcePolicy = policies.resource;
  const resourceGrants = policies.resourceGrants;
  if (resourcePolicy !== undefined || resourceGrants !== undefined) {
    scan.reset();
    if (resourcePolicy !== undefined) scanPolicy(scan, resourcePolicy, resourcePolicy.source.type === 'trust' ? 'trust' : 'resource', action, resource, context, p);
    if (resourceGrants !== undefined) for (let i = 0; i < resourceGrants.length; i++) scanPolicy(scan, resourceGrants[i] as AttachedPolicy, 'resource', action, resource, context, p);
    resourceAllow = scan.allow;
    resourceDeny = scan.deny;
    grant = scan.grant;
  }

  const matched = scan.matched ?? EMPTY;
  const missing = endMissingKeys(undefined);

  // 1. Explicit deny.
  const denied = idDeny ?? resourceDeny ?? boundaryDeny ?? sessionDeny;
  if (denied !== undefined) {
    const by: DeniedBy = denied === idDeny ? 'identity' : denied === resourceDeny ? 'resource' : denied === boundaryDeny ? 'boundary' : 'session';
    return result(false, 'explicit-deny', by, denied, matched, missing);
  }

  if (type === 'anonymous' || type === 'service') {
    return grant !== Grant.None ? result(true, 'allowed', undefined, resourceAllow, matched, missing) : result(false, 'implicit-deny', 'resource', undefined, matched, missing);
  }

  const crossAccount = request.resourceAccount !== undefined && request.resourceAccount !== p.accountId;
  const resourceMustAllow = crossAccount || policies.resourceMustAllow === true || resourcePolicy?.source.type === 'trust';
  const boundaryOk = boundary === undefined || boundaryAllow !== undefined;
  // A federated-user session has no permissions unless a session policy grants them.
  const sessionOk = hasSession ? sessionAllow !== undefined : type !== 'federated-user';

  if (type === 'root') {
    if (!sessionOk) return result(false, 'implicit-deny', 'session', undefined, matched, missing);
    if (!resourceMustAllow) return result(true, 'allowed', undefined, undefined, matched, missing);
    return grant !== Grant.None ? result(true, 'allowed', undefined, resourceAllow, matched, missing) : result(false, 'implicit-deny', 'resource', undefined, matched, missing);
  }

  const identityOk = idAllow !== undefined && boundaryOk && sessionOk;
  const identityShortfall: DeniedBy = idAllow === undefined ? 'identity' : !boundaryOk ? 'boundary' : 'session';
  const limitedShortfall: DeniedBy = !boundaryOk ? 'boundary' : 'session';

  if (crossAccount) {
    if (!identityOk) return result(false, 'implicit-deny', identityShortfall, undefined, matched, missing);
    if (grant === Grant.None) return result(false, 'implicit-deny', 'resource', undefined, matched, missing);
    return result(true, 'allowed', undefined, resourceAllow, matched, missing);
  }

  // Same account: what the resource policy's Allow achieves on its own.
  if (grant === Grant.Direct) return result(true, 'allowed', undefined, resourceAllow, matched, missing);
  if (grant === Grant.Role && boundaryOk && sessionOk) return result(true, 'allowed', undefined, resourceAllow, matched, missing);
  if (resourceMustAllow && grant === Grant.None) return result(false, 'implicit-deny', 'resource', undefined, matched, missing);
  if (identityOk) return result(true, 'allowed', undefined, idAllow, matched, missing);
  return result(false, 'implicit-deny', grant === Grant.Role ? limitedShortfall : identityShortfall, undefined, matched, missing);
}

function result(
  allowed: boolean,
  outcome: Decision['outcome'],
  deniedBy: DeniedBy | undefined,
  deciding: MatchedStatement | undefined,
  matched: readonly MatchedStatement[],
  missingContextKeys: readonly string[] | undefined,
): Decision {
  return { allowed, outcome, deniedBy, deciding, matched, missingContextKeys };
}
