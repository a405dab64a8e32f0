/**
 * The condition keys of one request, as policies see them: AWS's global keys, computed from the
 * caller and the request only when a policy asks (most statements have no conditions, so most
 * requests compute none), plus the operation's own keys (`ssm:Overwrite`, `aws:RequestTag/…`).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 *
 * It is a ReadonlyMap, so IAM's Simulate* and DecodeAuthorizationMessage can list it; the policy
 * engine itself only calls `get`.
 */
import type { Caller } from '../auth/principal.js';
import type { ConditionContext } from '../iam/types.js';

type Values = readonly string[];

/** aws:PrincipalType as AWS spells it per caller type. */
const PRINCIPAL_TYPE: Record<Caller['type'], string> = {
  root: 'Account',
  user: 'User',
  'assumed-role': 'AssumedRole',
  'federated-user': 'FederatedUser',
  anonymous: 'Anonymous',
};

/** The global keys this map can answer, in the order it lists them. */
const GLOBAL_KEYS = [
  'aws:principalarn', 'aws:principalaccount', 'aws:principaltype', 'aws:userid', 'aws:username',
  'aws:sourceip', 'aws:currenttime', 'aws:epochtime', 'aws:securetransport', 'aws:requestedregion',
  'aws:multifactorauthpresent', 'aws:multifactorauthage', 'aws:tokenissuetime', 'aws:sourceidentity',
  'aws:viaawsservice', 'aws:principalisawsservice', 'aws:useragent',
] as const;

/** Where the request's facts come from; each is read only when a policy asks for it. */
export interface RequestFacts {
  readonly caller: Caller;
  readonly region: string;
  sourceIp(): string;
  readonly secureTransport: boolean;
  /** Epoch milliseconds. */
  now(): number;
  userAgent(): string | undefined;
  /** The operation's own keys (lower-cased names); called at most once, on first need. */
  operationKeys(): Iterable<readonly [string, Values]>;
}

export class RequestConditions implements ConditionContext {
  private operation: Map<string, Values> | undefined;

  constructor(private readonly facts: RequestFacts) {}

  get(key: string): Values | undefined {
    const global = this.global(key);
    if (global !== undefined) return global;
    if (key.startsWith('aws:principaltag/')) return this.principalTag(key.slice('aws:principaltag/'.length));
    return this.operationMap().get(key);
  }

  private global(key: string): Values | undefined {
    const caller = this.facts.caller;
    const session = caller.session;
    switch (key) {
      case 'aws:principalarn':
        return caller.type === 'anonymous' ? undefined : [caller.roleArn ?? caller.arn];
      case 'aws:principalaccount':
        return caller.type === 'anonymous' ? undefined : [caller.accountId];
      case 'aws:principaltype':
        return [PRINCIPAL_TYPE[caller.type]];
      case 'aws:userid':
        return [caller.userId];
      case 'aws:username':
        return caller.username === undefined ? undefined : [caller.username];
      case 'aws:sourceip':
        return [this.facts.sourceIp()];
      case 'aws:currenttime':
        return [new Date(this.facts.now()).toISOString().replace(/\.\d{3}Z$/, 'Z')];
      case 'aws:epochtime':
        return [String(Math.floor(this.facts.now() / 1000))];
      case 'aws:securetransport':
        return [String(this.facts.secureTransport)];
      case 'aws:requestedregion':
        return [this.facts.region];
      // Present only for temporary credentials: long-term keys never carry MFA (AWS documents
      // that the key is then absent, which is why policies use BoolIfExists).
      case 'aws:multifactorauthpresent':
        return session ? [String(session.mfaAuthenticatedAt !== undefined)] : undefined;
      case 'aws:multifactorauthage':
        return session?.mfaAuthenticatedAt !== undefined ? [String(Math.max(0, Math.floor((this.facts.now() - session.mfaAuthenticatedAt) / 1000)))] : undefined;
      case 'aws:tokenissuetime':
        return session ? [new Date(session.issuedAt).toISOString().replace(/\.\d{3}Z$/, 'Z')] : undefined;
      case 'aws:sourceidentity':
        return session?.sourceIdentity !== undefined ? [session.sourceIdentity] : undefined;
      case 'aws:viaawsservice':
      case 'aws:principalisawsservice':
        return ['false'];
      case 'aws:useragent': {
        const ua = this.facts.userAgent();
        return ua === undefined ? undefined : [ua];
      }
      default:
        return undefined;
    }
  }

  private principalTag(tagKey: string): Values | undefined {
    const tags = this.facts.caller.tags;
    for (const k in tags) if (k.toLowerCase() === tagKey) return [tags[k]!];
    return undefined;
  }

  private operationMap(): Map<string, Values> {
    if (!this.operation) {
      this.operation = new Map();
      for (const [k, v] of this.facts.operationKeys()) this.operation.set(k.toLowerCase(), v);
    }
    return this.operation;
  }

  // ReadonlyMap's listing side: every key that has a value, globals first.

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    return this.all().size;
  }

  entries(): MapIterator<[string, Values]> {
    return this.all().entries();
  }

  keys(): MapIterator<string> {
    return this.all().keys();
  }

  values(): MapIterator<Values> {
    return this.all().values();
  }

  forEach(fn: (value: Values, key: string, map: ReadonlyMap<string, Values>) => void): void {
    this.all().forEach((v, k) => fn(v, k, this));
  }

  [Symbol.iterator](): MapIterator<[string, Values]> {
    return this.entries();
  }

  private all(): Map<string, Values> {
    const out = new Map<string, Values>();
    for (const k of GLOBAL_KEYS) {
      const v = this.global(k);
      if (v !== undefined) out.set(k, v);
    }
    for (const [k, v] of Object.entries(this.facts.caller.tags)) out.set(`aws:principaltag/${k.toLowerCase()}`, [v]);
    for (const [k, v] of this.operationMap()) out.set(k, v);
    return out;
  }
}
