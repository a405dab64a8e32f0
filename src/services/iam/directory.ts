/**
 * IAM's IdentityDirectory: what the gateway asks on every request signed with an AKIA key
 * (`resolveCredential`) and every authorized request (`policies`), and what STS asks (roles, MFA
 * devices, OIDC providers).
 *
 * Caching: every answer is built from SQLite on first use and then served from memory. Any IAM
 * write calls `changed()` (from inside its transaction), which bumps `generation` and drops the
 * cached answers; the next question rebuilds only what it needs with a few indexed reads. A wipe
 * of the database (`nimbus reset`) is noticed through `db.generation`. Answers are cached only
 * outside transactions, so a write that is rolled back never leaves its view behind. Compiled
 * policy documents are cached by their text, so a write does not make every policy parse again.
 */
import type { IdentityDirectory, MfaDeviceRecord, OidcProviderRecord, PrincipalPolicies, ResolvedCredential, RoleRecord, UserRecord } from '../../auth/identity.js';
import type { Caller } from '../../auth/principal.js';
import { parsePolicy, type AttachedPolicy, type Policy, type PolicyKind } from '../../iam/index.js';
import type { Logger } from '../../shared/logger.js';
import type { Database } from '../../storage/index.js';
import { groupArn, roleArn, userArn } from './domain/arns.js';
import { awsManagedPolicy } from './domain/aws-managed-policies.js';
import { tagMap } from './domain/tags.js';
import type { IamTables } from './store.js';
import { UsageRecorder } from './usage.js';

/** Entries per cache before it is emptied (bounds memory under a flood of unknown keys). */
const CACHE_LIMIT = 20_000;

function remember<K, V>(cache: Map<K, V>, key: K, value: V, allowed: boolean): V {
  if (!allowed) return value;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

export class IamDirectory implements IdentityDirectory {
  private gen = 1;
  private seenDbGeneration: number;
  private readonly credentials = new Map<string, ResolvedCredential | null>();
  private readonly users = new Map<string, UserRecord | null>();
  private readonly roles = new Map<string, RoleRecord | null>();
  private readonly policySets = new Map<string, PrincipalPolicies | null>();
  private readonly managed = new Map<string, AttachedPolicy | null>();
  private readonly mfa = new Map<string, MfaDeviceRecord | null>();
  private readonly oidc = new Map<string, OidcProviderRecord | null>();
  private readonly compiled = new Map<string, Policy | null>();
  /** TOTP steps already used, per device (the newest step; older and equal ones are refused). */
  private readonly usedSteps = new Map<string, number>();
  readonly usage: UsageRecorder;

  constructor(
    private readonly db: Database,
    private readonly t: IamTables,
    private readonly log: Logger,
  ) {
    this.seenDbGeneration = db.generation;
    this.usage = new UsageRecorder(db, t.keys, log);
  }

  get generation(): number {
    this.checkWiped();
    return this.gen;
  }

  /** Called by every IAM write (inside its transaction): drops every cached answer. */
  changed(): void {
    this.gen++;
    this.credentials.clear();
    this.users.clear();
    this.roles.clear();
    this.policySets.clear();
    this.managed.clear();
    this.mfa.clear();
    this.oidc.clear();
  }

  private checkWiped(): void {
    if (this.db.generation === this.seenDbGeneration) return;
    this.seenDbGeneration = this.db.generation;
    this.changed();
    this.usedSteps.clear();
    this.usage.clear();
  }

  /** May an answer read now be kept? Not inside a transaction, which could still roll back. */
  private cacheable(): boolean {
    return !this.db.sqlite.inTransaction;
  }

  /** A stored document compiled for evaluation; undefined (and logged) if the engine refuses it. */
  compile(text: string, kind: PolicyKind): Policy | undefined {
    const key = `${kind}\u0000${text}`;
    const hit = this.compiled.get(key);
    if (hit !== undefined) return hit ?? undefined;
    let policy: Policy | null = null;
    try {
      policy = parsePolicy(text, kind);
    } catch (e) {
      this.log.warn(`iam: a stored ${kind} policy no longer parses and is ignored: ${e instanceof Error ? e.message : String(e)}`);
    }
    return remember(this.compiled, key, policy, true) ?? undefined;
  }

  // --- credentials -----------------------------------------------------------------------------

  resolveCredential(accessKeyId: string): ResolvedCredential | undefined {
    this.checkWiped();
    const hit = this.credentials.get(accessKeyId);
    if (hit !== undefined) return hit ?? undefined;
    let resolved: ResolvedCredential | null = null;
    const key = accessKeyId.startsWith('AKIA') ? this.t.keys.get(accessKeyId) : undefined;
    const user = key && this.t.users.byId(key.userId);
    if (key && user) {
      const caller: Caller = Object.freeze({
        type: 'user',
        accountId: user.accountId,
        arn: userArn(user.accountId, user.path, user.name),
        userId: user.userId,
        username: user.name,
        tags: Object.freeze(tagMap(this.t.tags.get(user.userId))),
        accessKeyId,
        policyHolder: Object.freeze({ kind: 'user' as const, name: user.name }),
      });
      resolved = Object.freeze({ accessKeyId, secretAccessKey: key.secret, active: key.status === 'Active', caller });
    }
    return remember(this.credentials, accessKeyId, resolved, this.cacheable()) ?? undefined;
  }

  noteUsed(accessKeyId: string, service: string, region: string, atMs: number): void {
    this.usage.note(accessKeyId, service, region, atMs);
  }

  // --- principals ------------------------------------------------------------------------------

  user(accountId: string, userName: string): UserRecord | undefined {
    this.checkWiped();
    const k = `${accountId}\u0000${userName.toLowerCase()}`;
    const hit = this.users.get(k);
    if (hit !== undefined) return hit ?? undefined;
    const u = this.t.users.get(accountId, userName);
    const record: UserRecord | null = u
      ? Object.freeze({ accountId, name: u.name, path: u.path, arn: userArn(accountId, u.path, u.name), userId: u.userId, tags: Object.freeze(tagMap(this.t.tags.get(u.userId))) })
      : null;
    return remember(this.users, k, record, this.cacheable()) ?? undefined;
  }

  role(accountId: string, roleName: string): RoleRecord | undefined {
    this.checkWiped();
    const k = `${accountId}\u0000${roleName.toLowerCase()}`;
    const hit = this.roles.get(k);
    if (hit !== undefined) return hit ?? undefined;
    const r = this.t.roles.get(accountId, roleName);
    const trust = r && this.compile(r.trustPolicy, 'trust');
    const record: RoleRecord | null =
      r && trust
        ? Object.freeze({
            accountId,
            name: r.name,
            path: r.path,
            arn: roleArn(accountId, r.path, r.name),
            roleId: r.roleId,
            trustPolicy: trust,
            maxSessionDuration: r.maxSessionDuration,
            tags: Object.freeze(tagMap(this.t.tags.get(r.roleId))),
          })
        : null;
    return remember(this.roles, k, record, this.cacheable()) ?? undefined;
  }

  policies(accountId: string, kind: 'user' | 'role', name: string): PrincipalPolicies | undefined {
    this.checkWiped();
    const k = `${accountId}\u0000${kind}\u0000${name.toLowerCase()}`;
    const hit = this.policySets.get(k);
    if (hit !== undefined) return hit ?? undefined;
    const set = kind === 'user' ? this.userPolicies(accountId, name) : this.rolePolicies(accountId, name);
    return remember(this.policySets, k, set ?? null, this.cacheable()) ?? undefined;
  }

  private userPolicies(accountId: string, name: string): PrincipalPolicies | undefined {
    const u = this.t.users.get(accountId, name);
    if (!u) return undefined;
    const identity: AttachedPolicy[] = [];
    this.addOwned(identity, u.userId, userArn(accountId, u.path, u.name));
    for (const g of this.t.groups.forUser(u.userId)) this.addOwned(identity, g.groupId, groupArn(accountId, g.path, g.name));
    return Object.freeze({ identity: Object.freeze(identity), boundary: this.boundary(u.boundaryArn) });
  }

  private rolePolicies(accountId: string, name: string): PrincipalPolicies | undefined {
    const r = this.t.roles.get(accountId, name);
    if (!r) return undefined;
    const identity: AttachedPolicy[] = [];
    this.addOwned(identity, r.roleId, roleArn(accountId, r.path, r.name));
    return Object.freeze({ identity: Object.freeze(identity), boundary: this.boundary(r.boundaryArn) });
  }

  /** Inline then attached managed policies of one user, group or role. */
  private addOwned(out: AttachedPolicy[], ownerId: string, ownerArn: string): void {
    for (const p of this.t.inline.list(ownerId)) {
      const policy = this.compile(p.document, 'identity');
      if (policy) out.push(Object.freeze({ policy, source: Object.freeze({ type: 'identity' as const, name: p.name, owner: ownerArn }) }));
    }
    for (const arn of this.t.attachments.forOwner(ownerId)) {
      const managed = this.managedPolicy(arn);
      if (managed) out.push(managed);
    }
  }

  private boundary(arn: string | undefined): AttachedPolicy | undefined {
    const managed = arn === undefined ? undefined : this.managedPolicy(arn);
    return managed && Object.freeze({ policy: managed.policy, source: Object.freeze({ ...managed.source, type: 'boundary' as const }) });
  }

  managedPolicy(arn: string): AttachedPolicy | undefined {
    this.checkWiped();
    const hit = this.managed.get(arn);
    if (hit !== undefined) return hit ?? undefined;
    let text: string | undefined;
    const aws = awsManagedPolicy(arn);
    if (aws) {
      text = aws.document;
    } else {
      const p = this.t.policies.byArn(arn);
      text = p && this.t.policies.version(p.policyId, p.defaultVersion)?.document;
    }
    const policy = text === undefined ? undefined : this.compile(text, 'identity');
    const attached: AttachedPolicy | null = policy ? Object.freeze({ policy, source: Object.freeze({ type: 'identity' as const, name: arn, arn }) }) : null;
    return remember(this.managed, arn, attached, this.cacheable()) ?? undefined;
  }

  // --- MFA and OIDC ----------------------------------------------------------------------------

  mfaDevice(serialNumber: string): MfaDeviceRecord | undefined {
    this.checkWiped();
    const hit = this.mfa.get(serialNumber);
    if (hit !== undefined) return hit ?? undefined;
    const m = this.t.mfa.get(serialNumber);
    const userName = m?.userId ? this.t.users.byId(m.userId)?.name : undefined;
    const record: MfaDeviceRecord | null = m ? Object.freeze({ accountId: m.accountId, serialNumber, seed: m.seed, userName }) : null;
    return remember(this.mfa, serialNumber, record, this.cacheable()) ?? undefined;
  }

  consumeMfaCode(serialNumber: string, timeStep: number): boolean {
    this.checkWiped();
    const last = this.usedSteps.get(serialNumber);
    if (last !== undefined && timeStep <= last) return false;
    this.usedSteps.set(serialNumber, timeStep);
    return true;
  }

  oidcProvider(arn: string): OidcProviderRecord | undefined {
    this.checkWiped();
    const hit = this.oidc.get(arn);
    if (hit !== undefined) return hit ?? undefined;
    const p = this.t.oidc.get(arn);
    const record: OidcProviderRecord | null = p
      ? Object.freeze({ arn, url: p.url, clientIds: Object.freeze([...p.clientIds]), thumbprints: Object.freeze([...p.thumbprints]) })
      : null;
    return remember(this.oidc, arn, record, this.cacheable()) ?? undefined;
  }
}
