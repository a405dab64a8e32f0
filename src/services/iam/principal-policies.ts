/**
 * Inline policies and managed-policy attachments work the same for users, groups and roles; the
 * per-operation files name the principal and call these.
 */
import { checkDocument, encodeDocument, INLINE_POLICY_SIZE, policySize } from './domain/documents.js';
import { IamErrors } from './domain/errors.js';
import { paginate } from './domain/pagination.js';
import type { AttachedPolicy } from './generated/types.js';
import { findManagedPolicy, requireGroup, requireRole, requireUser, type Ctx } from './lookup.js';
import { isServiceLinked } from './operations/create-service-linked-role.js';
import type { OwnerKind } from './store/records.js';

/** Managed policies per principal (AWS's default quotas). */
export const ATTACHED_POLICIES_QUOTA = { user: ['PoliciesPerUser', 10], group: ['PoliciesPerGroup', 10], role: ['PoliciesPerRole', 10] } as const;

interface Owner {
  id: string;
  name: string;
  protected: boolean;
}

function owner(ctx: Ctx, kind: OwnerKind, name: string): Owner {
  if (kind === 'user') {
    const u = requireUser(ctx, name);
    return { id: u.userId, name: u.name, protected: false };
  }
  if (kind === 'group') {
    const g = requireGroup(ctx, name);
    return { id: g.groupId, name: g.name, protected: false };
  }
  const r = requireRole(ctx, name);
  return { id: r.roleId, name: r.name, protected: isServiceLinked(r) };
}

/** Put{User,Group,Role}Policy: the document is checked, then the owner's aggregate inline size. */
export async function putInlinePolicy(ctx: Ctx, kind: OwnerKind, ownerName: string, policyName: string, document: string): Promise<void> {
  checkDocument(document, 'identity');
  await ctx.store.transaction(() => {
    const o = owner(ctx, kind, ownerName);
    if (o.protected) throw IamErrors.serviceLinkedRole(o.name);
    const others = ctx.store.inline.list(o.id).filter((p) => p.name !== policyName);
    const total = others.reduce((n, p) => n + policySize(p.document), policySize(document));
    if (total > INLINE_POLICY_SIZE[kind]) throw IamErrors.inlineSize(INLINE_POLICY_SIZE[kind], kind, o.name);
    ctx.store.inline.put(o.id, policyName, document);
  });
}

export function getInlinePolicy(ctx: Ctx, kind: OwnerKind, ownerName: string, policyName: string): { ownerName: string; PolicyName: string; PolicyDocument: string } {
  const o = owner(ctx, kind, ownerName);
  const document = ctx.store.inline.get(o.id, policyName);
  if (document === undefined) throw IamErrors.noSuchInlinePolicy(kind, policyName);
  return { ownerName: o.name, PolicyName: policyName, PolicyDocument: encodeDocument(document) };
}

export async function deleteInlinePolicy(ctx: Ctx, kind: OwnerKind, ownerName: string, policyName: string): Promise<void> {
  await ctx.store.transaction(() => {
    const o = owner(ctx, kind, ownerName);
    if (o.protected) throw IamErrors.serviceLinkedRole(o.name);
    if (!ctx.store.inline.delete(o.id, policyName)) throw IamErrors.noSuchInlinePolicy(kind, policyName);
  });
}

export function listInlinePolicies(ctx: Ctx, kind: OwnerKind, ownerName: string, marker?: string, maxItems?: number): { PolicyNames: string[]; IsTruncated: boolean; Marker?: string } {
  const o = owner(ctx, kind, ownerName);
  const page = paginate(ctx.store.inline.list(o.id).map((p) => p.name), (n) => n, marker, maxItems);
  return { PolicyNames: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
}

/** Attach{User,Group,Role}Policy: attaching twice is a no-op; more than the quota is refused. */
export async function attachPolicy(ctx: Ctx, kind: OwnerKind, ownerName: string, policyArn: string): Promise<void> {
  await ctx.store.transaction(() => {
    const o = owner(ctx, kind, ownerName);
    if (o.protected) throw IamErrors.serviceLinkedRole(o.name);
    findManagedPolicy(ctx, policyArn, 'attach');
    const attached = ctx.store.attachments.forOwner(o.id);
    if (attached.includes(policyArn)) return;
    const [quotaName, quota] = ATTACHED_POLICIES_QUOTA[kind];
    if (attached.length >= quota) throw IamErrors.quota(quotaName, quota);
    ctx.store.attachments.attach(ctx.accountId, o.id, policyArn);
  });
}

export async function detachPolicy(ctx: Ctx, kind: OwnerKind, ownerName: string, policyArn: string): Promise<void> {
  await ctx.store.transaction(() => {
    const o = owner(ctx, kind, ownerName);
    if (o.protected) throw IamErrors.serviceLinkedRole(o.name);
    if (!ctx.store.attachments.detach(o.id, policyArn)) throw IamErrors.policyNotFound(policyArn);
  });
}

/** Attached managed policies under a path prefix, in policy-name order. */
export function listAttachedPolicies(
  ctx: Ctx,
  kind: OwnerKind,
  ownerName: string,
  pathPrefix: string | undefined,
  marker?: string,
  maxItems?: number,
): { AttachedPolicies: AttachedPolicy[]; IsTruncated: boolean; Marker?: string } {
  const o = owner(ctx, kind, ownerName);
  const attached = ctx.store.attachments
    .forOwner(o.id)
    .map((arn) => {
      const name = arn.slice(arn.lastIndexOf('/') + 1);
      const path = arn.slice(arn.indexOf(':policy/') + 7, arn.length - name.length);
      return { PolicyName: name, PolicyArn: arn, path };
    })
    .filter((p) => pathPrefix === undefined || p.path.startsWith(pathPrefix))
    .sort((a, b) => (a.PolicyName.toLowerCase() + '\0' + a.PolicyArn < b.PolicyName.toLowerCase() + '\0' + b.PolicyArn ? -1 : 1));
  const page = paginate(attached, (p) => p.PolicyName.toLowerCase() + '\0' + p.PolicyArn, marker, maxItems);
  return { AttachedPolicies: page.items.map((p) => ({ PolicyName: p.PolicyName, PolicyArn: p.PolicyArn })), IsTruncated: page.IsTruncated, Marker: page.Marker };
}
