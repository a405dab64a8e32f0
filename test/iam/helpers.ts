/** Builders for policy-engine tests: principals, contexts, attached policies. */
import { parsePolicy, type AttachedPolicy, type AuthorizationRequest, type ConditionContext, type PolicyKind, type PolicySource, type PrincipalInfo } from '../../src/iam/index.js';

export const ACCOUNT = '111122223333';
export const OTHER = '444455556666';

export function user(name = 'alice', account = ACCOUNT, extra: Partial<PrincipalInfo> = {}): PrincipalInfo {
  return { arn: `arn:aws:iam::${account}:user/${name}`, accountId: account, type: 'user', userId: `AIDA${name.toUpperCase().padEnd(17, 'X')}`, username: name, tags: {}, ...extra };
}

export function roleSession(role = 'Dev', session = 'sess', account = ACCOUNT): PrincipalInfo {
  return {
    arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
    accountId: account,
    type: 'assumed-role',
    userId: `AROA${role.toUpperCase().padEnd(17, 'X')}:${session}`,
    roleArn: `arn:aws:iam::${account}:role/${role}`,
    tags: {},
  };
}

export function federatedUser(name = 'fed', account = ACCOUNT, sourceUser = 'alice'): PrincipalInfo {
  return {
    arn: `arn:aws:sts::${account}:federated-user/${name}`,
    accountId: account,
    type: 'federated-user',
    userId: `${account}:${name}`,
    sourceUserArn: `arn:aws:iam::${account}:user/${sourceUser}`,
    tags: {},
  };
}

export function root(account = ACCOUNT): PrincipalInfo {
  return { arn: `arn:aws:iam::${account}:root`, accountId: account, type: 'root', userId: account, tags: {} };
}

export function anonymous(): PrincipalInfo {
  return { arn: '*', accountId: ACCOUNT, type: 'anonymous', userId: 'anonymous', tags: {} };
}

export function service(name = 's3.amazonaws.com'): PrincipalInfo {
  return { arn: name, accountId: ACCOUNT, type: 'service', userId: name, service: name, tags: {} };
}

/** A context from readable keys (lower-cased here, as the gateway does). */
export function ctx(entries: Record<string, string | readonly string[]> = {}): ConditionContext {
  return new Map(Object.entries(entries).map(([k, v]) => [k.toLowerCase(), typeof v === 'string' ? [v] : v]));
}

type Doc = string | Record<string, unknown>;

function text(doc: Doc): string {
  return typeof doc === 'string' ? doc : JSON.stringify(doc);
}

/** A 2012-10-17 document around statements. */
export function doc(...statements: Record<string, unknown>[]): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements };
}

function attach(d: Doc, kind: PolicyKind, source: PolicySource): AttachedPolicy {
  return { policy: parsePolicy(text(d), kind), source };
}

export function identity(d: Doc, name = 'Inline', arn?: string): AttachedPolicy {
  return attach(d, 'identity', { type: 'identity', name, arn });
}

export function managed(d: Doc, name = 'Managed'): AttachedPolicy {
  return identity(d, name, `arn:aws:iam::${ACCOUNT}:policy/${name}`);
}

export function resourcePolicy(d: Doc, name = 'BucketPolicy'): AttachedPolicy {
  return attach(d, 'resource', { type: 'resource', name });
}

export function trustPolicy(d: Doc, role = 'Target'): AttachedPolicy {
  return attach(d, 'trust', { type: 'trust', name: role });
}

export function boundary(d: Doc, name = 'Boundary'): AttachedPolicy {
  return attach(d, 'boundary', { type: 'boundary', name, arn: `arn:aws:iam::${ACCOUNT}:policy/${name}` });
}

export function session(d: Doc, name = 'SessionPolicy'): AttachedPolicy {
  return attach(d, 'session', { type: 'session', name });
}

export function request(principal: PrincipalInfo, action: string, resource: string, context: ConditionContext = ctx(), resourceAccount?: string): AuthorizationRequest {
  return { principal, action, resource, context, resourceAccount };
}

export const allowAll = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
