/** Finding the entities a request names, answering IAM's NoSuchEntity errors when absent. */
import type { OperationContext } from '../service.js';
import { parsePolicyArn } from './domain/arns.js';
import { awsManagedPolicy, type AwsManagedPolicy } from './domain/aws-managed-policies.js';
import { IamErrors } from './domain/errors.js';
import type { IamStore } from './store.js';
import type { GroupRow, InstanceProfileRow, ManagedPolicyRow, RoleRow, UserRow } from './store/records.js';

export type Ctx = OperationContext<IamStore>;

export function requireUser(ctx: Ctx, name: string): UserRow {
  const u = ctx.store.users.get(ctx.accountId, name);
  if (!u) throw IamErrors.noSuchUser(name);
  return u;
}

/**
 * The user an operation with an optional UserName acts on: the named one, else the caller
 * ("If you do not specify a user name, IAM determines the user name implicitly based on the
 * access key ID used to sign the request"). Roots have no IAM user.
 */
export function targetUser(ctx: Ctx, name: string | undefined): UserRow | undefined {
  if (name !== undefined) return requireUser(ctx, name);
  if (ctx.caller.type === 'user' && ctx.caller.username) return requireUser(ctx, ctx.caller.username);
  return undefined;
}

export function requireGroup(ctx: Ctx, name: string): GroupRow {
  const g = ctx.store.groups.get(ctx.accountId, name);
  if (!g) throw IamErrors.noSuchGroup(name);
  return g;
}

export function requireRole(ctx: Ctx, name: string): RoleRow {
  const r = ctx.store.roles.get(ctx.accountId, name);
  if (!r) throw IamErrors.noSuchRole(name);
  return r;
}

export function requireInstanceProfile(ctx: Ctx, name: string): InstanceProfileRow {
  const p = ctx.store.instanceProfiles.get(ctx.accountId, name);
  if (!p) throw IamErrors.noSuchInstanceProfile(name);
  return p;
}

export type AnyManagedPolicy = { kind: 'aws'; policy: AwsManagedPolicy } | { kind: 'customer'; policy: ManagedPolicyRow };

/**
 * A managed policy by ARN, visible to this account: AWS managed ones, and the account's own.
 * `notFound` picks the error: AWS answers "does not exist or is not attachable" when attaching and
 * "was not found" when reading.
 */
export function findManagedPolicy(ctx: Ctx, arn: string, notFound: 'attach' | 'get'): AnyManagedPolicy {
  const parsed = parsePolicyArn(arn);
  if (!parsed) throw IamErrors.invalidArn(arn);
  const fail = () => (notFound === 'attach' ? IamErrors.notAttachable(arn) : IamErrors.policyNotFound(arn));
  if (parsed.owner === 'aws') {
    const p = awsManagedPolicy(arn);
    if (!p) throw fail();
    return { kind: 'aws', policy: p };
  }
  if (parsed.owner !== ctx.accountId) throw fail();
  const p = ctx.store.policies.byArn(arn);
  if (!p) throw fail();
  return { kind: 'customer', policy: p };
}

export function requireCustomerPolicy(ctx: Ctx, arn: string): ManagedPolicyRow {
  const found = findManagedPolicy(ctx, arn, 'get');
  if (found.kind === 'aws') throw IamErrors.invalidInput(`Policy ${arn} is an AWS managed policy and cannot be modified.`);
  return found.policy;
}

/** `v3` → 3; undefined when the id is not of that form. */
export function versionNumber(versionId: string): number | undefined {
  const m = /^v([1-9][0-9]*)$/.exec(versionId);
  return m ? Number(m[1]) : undefined;
}
