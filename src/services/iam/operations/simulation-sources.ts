/** Building the simulator's policy lists: policies given in the request, and those of an IAM user, group or role. */
import type { PolicyKind, PrincipalInfo } from '../../../iam/index.js';
import { groupArn, roleArn, userArn } from '../domain/arns.js';
import { awsManagedPolicy } from '../domain/aws-managed-policies.js';
import { checkDocument } from '../domain/documents.js';
import { IamErrors } from '../domain/errors.js';
import type { SimPolicy } from '../domain/simulate.js';
import { tagMap } from '../domain/tags.js';
import { requireGroup, requireRole, requireUser, type Ctx } from '../lookup.js';

/** Documents passed in the request, named as IAM names them (`PolicyInputList.1` …). */
export function inputPolicies(list: readonly string[] | undefined, listName: string, kind: PolicyKind): SimPolicy[] {
  return (list ?? []).map((text, i) => {
    const id = `${listName}.${i + 1}`;
    const type = kind === 'boundary' ? ('boundary' as const) : ('identity' as const);
    return { attached: { policy: checkDocument(text, kind), source: { type, name: id } }, id, type: 'none' };
  });
}

export function resourcePolicy(text: string | undefined): SimPolicy | undefined {
  if (text === undefined) return undefined;
  return { attached: { policy: checkDocument(text, 'resource'), source: { type: 'resource', name: 'ResourcePolicy' } }, id: 'ResourcePolicy', type: 'resource' };
}

interface EntityPolicies {
  principal: PrincipalInfo;
  identity: SimPolicy[];
  boundaryArn?: string;
}

function owned(ctx: Ctx, ownerId: string, ownerArn: string, type: 'user' | 'group' | 'role', out: SimPolicy[]): void {
  const dir = ctx.store.directory;
  for (const p of ctx.store.inline.list(ownerId)) {
    const policy = dir.compile(p.document, 'identity');
    if (policy) out.push({ attached: { policy, source: { type: 'identity', name: p.name, owner: ownerArn } }, id: p.name, type });
  }
  for (const arn of ctx.store.attachments.forOwner(ownerId)) {
    const attached = dir.managedPolicy(arn);
    if (attached) out.push({ attached, id: arn.slice(arn.lastIndexOf('/') + 1), type: awsManagedPolicy(arn) ? 'aws-managed' : 'user-managed' });
  }
}

/** The policies in force for a user (with its groups'), a group or a role, by ARN. */
export function entityPolicies(ctx: Ctx, arn: string): EntityPolicies {
  const m = /^arn:aws:iam::(\d{12}):(user|group|role)(\/(?:.*\/)?)([^/]+)$/.exec(arn);
  if (!m) throw IamErrors.invalidInput(`Invalid ARN: ${arn}`);
  const [, account, type, , name] = m as unknown as [string, string, 'user' | 'group' | 'role', string, string];
  if (account !== ctx.accountId) throw IamErrors.invalidInput(`Invalid ARN: ${arn}`);
  const identity: SimPolicy[] = [];
  if (type === 'user') {
    const u = requireUser(ctx, name);
    const arnOfUser = userArn(account, u.path, u.name);
    owned(ctx, u.userId, arnOfUser, 'user', identity);
    for (const g of ctx.store.groups.forUser(u.userId)) owned(ctx, g.groupId, groupArn(account, g.path, g.name), 'group', identity);
    const principal: PrincipalInfo = { arn: arnOfUser, accountId: account, type: 'user', userId: u.userId, username: u.name, tags: tagMap(ctx.store.tags.get(u.userId)) };
    return { principal, identity, boundaryArn: u.boundaryArn };
  }
  if (type === 'group') {
    const g = requireGroup(ctx, name);
    const arnOfGroup = groupArn(account, g.path, g.name);
    owned(ctx, g.groupId, arnOfGroup, 'group', identity);
    return { principal: { arn: arnOfGroup, accountId: account, type: 'user', userId: g.groupId, tags: {} }, identity };
  }
  const r = requireRole(ctx, name);
  const arnOfRole = roleArn(account, r.path, r.name);
  owned(ctx, r.roleId, arnOfRole, 'role', identity);
  const principal: PrincipalInfo = { arn: arnOfRole, accountId: account, type: 'assumed-role', userId: r.roleId, roleArn: arnOfRole, tags: tagMap(ctx.store.tags.get(r.roleId)) };
  return { principal, identity, boundaryArn: r.boundaryArn };
}

/**
 * The caller the simulation runs as: CallerArn when given, else an unnamed IAM user of the account
 * (not the root, whom identity policies do not bind, so the policies themselves decide).
 */
export function callerPrincipal(ctx: Ctx, callerArn: string | undefined): PrincipalInfo {
  if (callerArn === undefined) return { arn: `arn:aws:iam::${ctx.accountId}:user/`, accountId: ctx.accountId, type: 'user', userId: ctx.accountId, tags: {} };
  const m = /^arn:aws:iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/.exec(callerArn);
  if (!m) throw IamErrors.invalidInput(`Invalid CallerArn: ${callerArn}. CallerArn must be the ARN of an IAM user.`);
  const user = m[1] === ctx.accountId ? ctx.store.users.get(ctx.accountId, m[2]!) : undefined;
  return { arn: callerArn, accountId: m[1]!, type: 'user', userId: user?.userId ?? m[1]!, username: m[2], tags: user ? tagMap(ctx.store.tags.get(user.userId)) : {} };
}
