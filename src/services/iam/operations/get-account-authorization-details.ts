import { groupArn, roleArn, userArn } from '../domain/arns.js';
import { AWS_MANAGED_POLICIES } from '../domain/aws-managed-policies.js';
import { encodeDocument } from '../domain/documents.js';
import { paginateByIndex } from '../domain/pagination.js';
import { renderInstanceProfile, renderRole } from '../domain/render.js';
import type {
  AttachedPolicy,
  GetAccountAuthorizationDetailsRequest,
  GetAccountAuthorizationDetailsResponse,
  GroupDetail,
  ManagedPolicyDetail,
  PolicyDetail,
  RoleDetail,
  UserDetail,
} from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { policyCounts } from '../policy-counts.js';
import { profileRoles } from './list-instance-profiles.js';

type Entry = { list: 'UserDetailList'; item: UserDetail } | { list: 'GroupDetailList'; item: GroupDetail } | { list: 'RoleDetailList'; item: RoleDetail } | { list: 'Policies'; item: ManagedPolicyDetail };

const boundary = (arn: string | undefined) => (arn ? { PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const, PermissionsBoundaryArn: arn } : undefined);

/**
 * Every user, group, role and managed policy of the account with their policies, documents
 * URL-encoded. Filter picks entity types; AWS managed policies appear when attached or used as a
 * boundary. Paged across all lists together.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */
export function getAccountAuthorizationDetails(input: GetAccountAuthorizationDetailsRequest, ctx: Ctx): GetAccountAuthorizationDetailsResponse {
  const s = ctx.store;
  const a = ctx.accountId;
  const want = (t: string) => !input.Filter?.length || input.Filter.includes(t as never);
  const inline = (ownerId: string): PolicyDetail[] => s.inline.list(ownerId).map((p) => ({ PolicyName: p.name, PolicyDocument: encodeDocument(p.document) }));
  const attached = (ownerId: string): AttachedPolicy[] => s.attachments.forOwner(ownerId).map((arn) => ({ PolicyName: arn.slice(arn.lastIndexOf('/') + 1), PolicyArn: arn }));
  const entries: Entry[] = [];
  if (want('User')) {
    for (const u of s.users.list(a)) {
      const tags = s.tags.get(u.userId);
      entries.push({
        list: 'UserDetailList',
        item: {
          Path: u.path,
          UserName: u.name,
          UserId: u.userId,
          Arn: userArn(a, u.path, u.name),
          CreateDate: u.createDate,
          UserPolicyList: inline(u.userId),
          GroupList: s.groups.forUser(u.userId).map((g) => g.name),
          AttachedManagedPolicies: attached(u.userId),
          PermissionsBoundary: boundary(u.boundaryArn),
          Tags: tags,
        },
      });
    }
  }
  if (want('Group')) {
    for (const g of s.groups.list(a)) {
      entries.push({
        list: 'GroupDetailList',
        item: { Path: g.path, GroupName: g.name, GroupId: g.groupId, Arn: groupArn(a, g.path, g.name), CreateDate: g.createDate, GroupPolicyList: inline(g.groupId), AttachedManagedPolicies: attached(g.groupId) },
      });
    }
  }
  if (want('Role')) {
    for (const r of s.roles.list(a)) {
      const rendered = renderRole(r, { tags: s.tags.get(r.roleId) });
      entries.push({
        list: 'RoleDetailList',
        item: {
          Path: r.path,
          RoleName: r.name,
          RoleId: r.roleId,
          Arn: roleArn(a, r.path, r.name),
          CreateDate: r.createDate,
          AssumeRolePolicyDocument: rendered.AssumeRolePolicyDocument,
          InstanceProfileList: s.instanceProfiles.forRole(r.roleId).map((p) => renderInstanceProfile(p, profileRoles(ctx, p.profileId))),
          RolePolicyList: inline(r.roleId),
          AttachedManagedPolicies: attached(r.roleId),
          PermissionsBoundary: boundary(r.boundaryArn),
          Tags: s.tags.get(r.roleId),
          RoleLastUsed: rendered.RoleLastUsed,
        },
      });
    }
  }
  const counts = policyCounts(ctx);
  const policies: ManagedPolicyDetail[] = [];
  if (want('AWSManagedPolicy')) {
    for (const p of AWS_MANAGED_POLICIES) {
      const c = counts.get(p.arn);
      if (c.attachments === 0 && c.boundaries === 0) continue;
      policies.push({
        PolicyName: p.name,
        PolicyId: p.policyId,
        Arn: p.arn,
        Path: p.path,
        DefaultVersionId: `v${p.defaultVersion}`,
        AttachmentCount: c.attachments,
        PermissionsBoundaryUsageCount: c.boundaries,
        IsAttachable: true,
        CreateDate: p.createDate,
        UpdateDate: p.updateDate,
        PolicyVersionList: [{ Document: encodeDocument(p.document), VersionId: `v${p.defaultVersion}`, IsDefaultVersion: true, CreateDate: p.updateDate }],
      });
    }
  }
  if (want('LocalManagedPolicy')) {
    for (const p of s.policies.list(a)) {
      const c = counts.get(p.arn);
      policies.push({
        PolicyName: p.name,
        PolicyId: p.policyId,
        Arn: p.arn,
        Path: p.path,
        DefaultVersionId: `v${p.defaultVersion}`,
        AttachmentCount: c.attachments,
        PermissionsBoundaryUsageCount: c.boundaries,
        IsAttachable: true,
        Description: p.description,
        CreateDate: p.createDate,
        UpdateDate: p.updateDate,
        PolicyVersionList: s.policies
          .versions(p.policyId)
          .map((v) => ({ Document: encodeDocument(v.document), VersionId: `v${v.version}`, IsDefaultVersion: v.version === p.defaultVersion, CreateDate: v.createDate })),
      });
    }
  }
  policies.sort((x, y) => (x.PolicyName!.toLowerCase() < y.PolicyName!.toLowerCase() ? -1 : 1));
  for (const p of policies) entries.push({ list: 'Policies', item: p });
  const page = paginateByIndex(entries, input.Marker, input.MaxItems);
  const out: GetAccountAuthorizationDetailsResponse = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [], IsTruncated: page.IsTruncated, Marker: page.Marker };
  for (const e of page.items) (out[e.list] as unknown[]).push(e.item);
  return out;
}
