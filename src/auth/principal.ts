/**
 * Who a request comes from. The conventional keys existing tools use resolve to account roots:
 * a 12-digit access key is the root of that account (multi-account testing), any other key the
 * root of the default account. Keys IAM issues and sessions STS issues resolve through the
 * credential resolvers in identity.ts to users, role sessions and federated users.
 */
import type { AttachedPolicy, PrincipalInfo } from '../iam/types.js';

/** What a session (STS credentials) adds to the identity that holds it. */
export interface SessionFacts {
  /** Epoch milliseconds. */
  readonly issuedAt: number;
  readonly expiresAt: number;
  /** When MFA was proven for this session (GetSessionToken with TokenCode, or AssumeRole with one). */
  readonly mfaAuthenticatedAt?: number;
  readonly sourceIdentity?: string;
  /**
   * Session policies passed to AssumeRole / GetFederationToken; they can only narrow. An empty
   * list (GetFederationToken without a policy) allows nothing; absent means no session policy.
   */
  readonly policies?: readonly AttachedPolicy[];
  /** Session tags that pass on to a role this session assumes (role chaining). */
  readonly transitiveTagKeys?: readonly string[];
}

export interface Caller extends PrincipalInfo {
  readonly type: 'root' | 'user' | 'assumed-role' | 'federated-user' | 'anonymous';
  readonly accessKeyId?: string;
  /**
   * Where the caller's identity policies come from: the IAM user (its own keys, GetSessionToken
   * and GetFederationToken sessions) or the role (AssumeRole sessions). Absent for roots and
   * anonymous callers.
   */
  readonly policyHolder?: { readonly kind: 'user' | 'role'; readonly name: string };
  readonly session?: SessionFacts;
}

const NO_TAGS: Readonly<Record<string, string>> = Object.freeze({});

export function rootCaller(accountId: string, accessKeyId?: string, session?: SessionFacts): Caller {
  return { accountId, arn: `arn:aws:iam::${accountId}:root`, userId: accountId, type: 'root', accessKeyId, tags: NO_TAGS, session };
}

export function anonymousCaller(accountId: string): Caller {
  return { accountId, arn: '*', userId: 'anonymous', type: 'anonymous', tags: NO_TAGS };
}

/** Root callers by access key; they never change, so each request need not build one. */
const roots = new Map<string, Caller>();

/** The root a conventional (not IAM- or STS-issued) access key stands for. */
export function conventionalCaller(accessKeyId: string | undefined, defaultAccountId: string): Caller {
  if (accessKeyId === undefined) return anonymousCaller(defaultAccountId);
  const cacheKey = `${defaultAccountId}/${accessKeyId}`;
  let caller = roots.get(cacheKey);
  if (!caller) {
    caller = Object.freeze(rootCaller(/^\d{12}$/.test(accessKeyId) ? accessKeyId : defaultAccountId, accessKeyId));
    if (roots.size > 1000) roots.clear();
    roots.set(cacheKey, caller);
  }
  return caller;
}
