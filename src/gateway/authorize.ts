/**
 * The authorize step: IAM policy evaluation for every request.
 *
 * - Unsigned requests are refused (MissingAuthenticationToken), except operations modeled as
 *   unauthenticated (`authtype: none`, e.g. STS AssumeRoleWithWebIdentity) and services whose
 *   definition says `anonymousAccess: 'resource-policy'` (S3): there an anonymous caller gets
 *   exactly what resource-based policies grant to everyone, and nothing else.
 * - Roots are not evaluated against identity policies: AWS lets an account's root do anything in
 *   its own account. What resource-based policies say still counts for them as in AWS: an explicit
 *   Deny in one (a bucket policy), and a resource of another account that its policy does not
 *   open to them, deny a root too. Role trust policies are the exception kept for existing tools:
 *   a root assumes any role; what AWS would deny is logged.
 * - IAM users, role sessions and federated users: the operation's declared action, resources and
 *   condition keys go to the policy engine with the caller's identity policies, permissions
 *   boundary and session policies, and the resource's policy when the operation declares one.
 * - `--iam audit` makes every decision and logs what would be denied, denying nothing; `--iam off`
 *   skips evaluation altogether (unsigned requests to `resource-policy` services then pass too).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import type { Caller } from '../auth/principal.js';
import { accessDeniedMessage, encodeAuthorizationMessage, evaluate, parsePolicy, type AttachedPolicy, type AuthorizationRequest, type Decision, type PolicySet } from '../iam/index.js';
import type { Operation } from '../protocol/model/shapes.js';
import type { AccessCheck, AuthorizationScope, OperationAuthorization, ResourcePolicy, SignedRequestView } from '../services/service.js';
import { ServiceError } from '../shared/errors.js';
import { RequestConditions, type RequestFacts } from './conditions.js';
import type { Deserialized } from './context.js';
import type { Gateway } from './gateway.js';
import type { ServiceRuntime } from './services.js';

export function authorize(gw: Gateway, call: Deserialized): void {
  const caller = call.caller;
  if (caller.type === 'anonymous') {
    if (call.operation.authType === 'none') return;
    if (call.runtime.definition?.anonymousAccess !== 'resource-policy') throw missingAuthentication(call.protocol.name);
  }
  if (gw.config.iam === 'off') return;
  const rule = authorizationOf(call.runtime, call.operation);
  const declared = rule.declared;
  if (declared?.alwaysAllowed) return;
  if (declared?.access) {
    authorizeAccessChecks(gw, call, declared);
    return;
  }
  // Roots skip their own (identity) policies; only a resource-based policy can say no to them.
  if (caller.type === 'root' && !declared?.resourcePolicy) return;
  const scope: AuthorizationScope = { accountId: call.accountId, region: call.region, partition: 'aws', caller };
  const store = call.runtime.store;
  const resourcePolicy = declared?.resourcePolicy?.(call.input, scope, store, gw.identity.directory);
  const policies = policiesFor(gw, caller, resourcePolicy);
  const resources = declared?.resources?.(call.input, scope, store) ?? '*';
  const context = requestConditions(gw, call, declared, scope);
  const resourceAccount = resourcePolicy?.account;
  const actions = declared?.extraActions ? [rule.action, ...declared.extraActions(call.input)] : undefined;
  for (const action of actions ?? [rule.action]) {
    if (typeof resources === 'string') {
      check(gw, call, { principal: caller, action, resource: resources, resourceAccount, context }, policies);
    } else {
      for (const resource of resources) check(gw, call, { principal: caller, action, resource, resourceAccount, context }, policies);
    }
  }
}

/**
 * Operations that declare their permissions as a list (`access`): each (action, resource) is
 * evaluated under its own resource's owner and policies. The service returns no checks when
 * nothing could deny the request (a root in its own account with no Deny in the way), so the
 * common case costs the service's lookup and nothing here.
 */
function authorizeAccessChecks(gw: Gateway, call: Deserialized, declared: OperationAuthorization): void {
  const scope = accessScope(call);
  const checks = declared.access!(call.input, scope, call.runtime.store);
  if (checks.length === 0) return;
  const own = identityPolicies(gw, call.caller);
  const context = requestConditions(gw, call, declared, scope);
  for (const c of checks) check(gw, call, accessRequest(call, c, context), accessPolicies(own, c));
}

/**
 * For handlers that authorize parts of a request themselves (S3 DeleteObjects, key by key):
 * whether every check is allowed, decided and logged as the authorize step does under the
 * configured `--iam` mode, without throwing. `context` is the request's condition keys
 * (accessConditions), built once per request by the caller.
 */
export function permits(gw: Gateway, call: Deserialized, checks: readonly AccessCheck[], context: RequestConditions): boolean {
  if (checks.length === 0 || gw.config.iam === 'off') return true;
  const own = identityPolicies(gw, call.caller);
  for (const c of checks) {
    if (judge(gw, call.requestId, accessRequest(call, c, context), accessPolicies(own, c))) return false;
  }
  return true;
}

/** The request's condition keys as `access` checks see them: globals and the operation's own. */
export function accessConditions(gw: Gateway, call: Deserialized): RequestConditions {
  return requestConditions(gw, call, authorizationOf(call.runtime, call.operation).declared, accessScope(call));
}

function accessScope(call: Deserialized): AuthorizationScope {
  return { accountId: call.accountId, region: call.region, partition: 'aws', caller: call.caller, request: new SignedRequest(call) };
}

function accessRequest(call: Deserialized, c: AccessCheck, context: RequestConditions): AuthorizationRequest {
  return { principal: call.caller, action: c.action, resource: c.resource, resourceAccount: c.account, context };
}

/** The caller's own policies with the check's resource-based ones. */
function accessPolicies(own: PolicySet, c: AccessCheck): PolicySet {
  return c.policy === undefined && c.grants === undefined ? own : { ...own, resource: c.policy, resourceGrants: c.grants };
}

/** How the request was signed, for condition keys such as s3:authType and s3:signatureversion. */
class SignedRequest implements SignedRequestView {
  readonly signedBy: 'header' | 'query' | undefined;
  readonly algorithm: string | undefined;

  constructor(private readonly call: Deserialized) {
    this.signedBy = call.caller.type === 'anonymous' ? undefined : call.credential?.form;
    this.algorithm = call.caller.type === 'anonymous' ? undefined : call.credential?.algorithm;
  }

  header(name: string): string | undefined {
    return headerText(this.call, name);
  }
}

const NO_KEYS: readonly (readonly [string, readonly string[]])[] = [];

/**
 * The request's facts as condition keys see them. A class rather than a closure-filled object:
 * one small allocation per authorized request, and nothing computed unless a policy asks.
 */
class CallFacts implements RequestFacts {
  readonly caller: Deserialized['caller'];
  readonly region: string;
  readonly secureTransport = false;

  constructor(
    private readonly gw: Gateway,
    private readonly call: Deserialized,
    private readonly keys: ((input: Record<string, unknown>, scope: AuthorizationScope, store: unknown) => Iterable<readonly [string, readonly string[]]>) | undefined,
    private readonly scope: AuthorizationScope | undefined,
  ) {
    this.caller = call.caller;
    this.region = call.region;
  }

  sourceIp(): string {
    const ip = this.call.raw.socket.remoteAddress ?? '127.0.0.1';
    return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  }

  now(): number {
    return this.gw.clock.now().getTime();
  }

  userAgent(): string | undefined {
    return headerText(this.call, 'user-agent');
  }

  operationKeys(): Iterable<readonly [string, readonly string[]]> {
    return this.keys && this.scope ? this.keys(this.call.input, this.scope, this.call.runtime.store) : NO_KEYS;
  }
}

/** The request's condition keys: globals, plus the operation's own when it declares any. */
export function requestConditions(gw: Gateway, call: Deserialized, declared?: OperationAuthorization, scope?: AuthorizationScope): RequestConditions {
  return new RequestConditions(new CallFacts(gw, call, declared?.conditions, scope));
}

function check(gw: Gateway, call: Deserialized, request: AuthorizationRequest, policies: PolicySet): void {
  const verdict = judge(gw, call.requestId, request, policies);
  if (verdict) {
    const own = call.runtime.definition?.accessDenied;
    throw own ? own(request, verdict.decision) : accessDenied(call, request, verdict.decision, verdict.message);
  }
}

/** For handlers that decide themselves (OperationContext.isPermitted). */
export function isPermitted(gw: Gateway, requestId: string, request: AuthorizationRequest, policies: PolicySet): boolean {
  return gw.config.iam === 'off' || judge(gw, requestId, request, policies) === undefined;
}

/** Evaluates and logs; returns the denial to answer, or undefined to let the request through. */
function judge(gw: Gateway, requestId: string, request: AuthorizationRequest, policies: PolicySet): { decision: Decision; message: string } | undefined {
  const decision = evaluate(request, policies);
  if (decision.allowed) {
    if (gw.log.enabled('debug')) gw.log.debug(`iam allow ${describe(request, decision)} ${requestId}`);
    return undefined;
  }
  const message = accessDeniedMessage(request, decision);
  if (gw.config.iam === 'audit' || (request.principal.type === 'root' && !deniesRoot(decision, policies))) {
    // Roots are not denied where only Nimbus's leniency lets them through (a role trust policy
    // that does not name them); what AWS would do is logged.
    gw.log.info(`iam ${gw.config.iam === 'audit' ? 'audit' : 'root'}: AWS would deny ${describe(request, decision)}: ${message} ${requestId}`);
    return undefined;
  }
  gw.log.info(`iam deny ${describe(request, decision)} ${requestId}`);
  return { decision, message };
}

/**
 * Whether a denial binds a root as well: a resource-based policy said no — an explicit Deny in it,
 * or a resource of another account it does not open to the root's account. A role trust policy
 * never binds a root here (existing tools assume roles freely as the root).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */
function deniesRoot(decision: Decision, policies: PolicySet): boolean {
  return decision.deniedBy === 'resource' && policies.resource?.source.type !== 'trust';
}

/** `user/alice ssm:GetParameter arn:… by identity:Policy#Sid`, for the decision log. */
function describe(request: AuthorizationRequest, decision: Decision): string {
  const d = decision.deciding;
  const by = d ? `${d.source.type}:${d.source.name}${d.statement.sid ? `#${d.statement.sid}` : `#${d.statement.index}`}` : `no matching statement (${decision.outcome})`;
  const who = request.principal.type === 'anonymous' ? 'anonymous' : request.principal.arn;
  return `${who} ${request.action} ${request.resource} by ${by}`;
}

// Each caller's policy set, recomputed when IAM changes (the directory's generation moves). The
// caller objects come from the credential resolvers' caches, so this is one WeakMap hit per request.
const policyCache = new WeakMap<Caller, { generation: number; set: PolicySet }>();
const NO_POLICIES: PolicySet = Object.freeze({ identity: [] });

function policiesFor(gw: Gateway, caller: Caller, resource: ResourcePolicy | null | undefined): PolicySet {
  const own = identityPolicies(gw, caller);
  if (resource === undefined) return own;
  // A resource that must have a policy and has none (a role that does not exist): an empty one.
  return { ...own, resource: resource?.policy ?? noTrust() };
}

/** What a missing resource's trust policy is: one that lets no one in. */
let emptyTrust: AttachedPolicy | undefined;
function noTrust(): AttachedPolicy {
  emptyTrust ??= {
    policy: parsePolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"no-one.nimbus.invalid"},"Action":"sts:AssumeRole"}]}', 'trust'),
    source: { type: 'trust', name: 'missing' },
  };
  return emptyTrust;
}

/** What a root's federated users start from: everything, narrowed by their session policies. */
let rootIdentity: AttachedPolicy | undefined;
function rootPolicy(): AttachedPolicy {
  rootIdentity ??= {
    policy: parsePolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', 'identity'),
    source: { type: 'identity', name: 'root' },
  };
  return rootIdentity;
}

function identityPolicies(gw: Gateway, caller: Caller): PolicySet {
  if (caller.type === 'root' || caller.type === 'anonymous') return NO_POLICIES;
  if (caller.type === 'federated-user' && !caller.policyHolder) return { identity: [rootPolicy()], session: caller.session?.policies };
  const directory = gw.identity.directory;
  const cached = policyCache.get(caller);
  if (cached && cached.generation === directory.generation) return cached.set;
  const holder = caller.policyHolder;
  const found = holder ? directory.policies(caller.accountId, holder.kind, holder.name) : undefined;
  const sessionPolicies = caller.session?.policies;
  const set: PolicySet = found
    ? { identity: found.identity, boundary: found.boundary, session: sessionPolicies }
    : NO_POLICIES;
  policyCache.set(caller, { generation: directory.generation, set });
  return set;
}

interface OperationRule {
  action: string;
  declared: OperationAuthorization | undefined;
}

const rules = new WeakMap<Operation, OperationRule>();

function authorizationOf(runtime: ServiceRuntime, operation: Operation): OperationRule {
  let rule = rules.get(operation);
  if (!rule) {
    const def = runtime.definition;
    const declared = def?.authorization?.[operation.name];
    const prefix = def?.iamPrefix ?? IAM_PREFIX[runtime.entry.id] ?? runtime.entry.signingName;
    rule = { action: declared?.action ?? `${prefix}:${operation.name}`, declared };
    rules.set(operation, rule);
  }
  return rule;
}

/** Services whose IAM prefix is not their signing name. */
const IAM_PREFIX: Record<string, string> = { cloudwatch: 'cloudwatch' };

function headerText(call: Deserialized, name: string): string | undefined {
  const v = call.http.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** AccessDenied as each service family answers it. */
function accessDenied(call: Deserialized, request: AuthorizationRequest, decision: Decision, message: string): ServiceError {
  switch (call.protocol.name) {
    case 'ec2': {
      // EC2 says it in its own words and appends the opaque message STS can decode.
      return new ServiceError('UnauthorizedOperation', `You are not authorized to perform this operation. ${message}. Encoded authorization failure message: ${encodeAuthorizationMessage(request, decision)}`, { statusCode: 403 });
    }
    case 'query':
    case 'rest-xml':
      return new ServiceError('AccessDenied', message, { statusCode: 403 });
    default:
      return new ServiceError('AccessDeniedException', message, { statusCode: call.protocol.name === 'rest-json' ? 403 : 400 });
  }
}

function missingAuthentication(protocol: string): ServiceError {
  return protocol === 'query' || protocol === 'ec2'
    ? new ServiceError('MissingAuthenticationToken', 'Request is missing Authentication Token', { statusCode: 403 })
    : new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', { statusCode: 403 });
}
