/** Stored rows → IAM's API shapes, with AWS's member names. */
import type { Group, InstanceProfile, Policy as ApiPolicy, Role, Tag, User } from '../generated/types.js';
import type { GroupRow, InstanceProfileRow, ManagedPolicyRow, RoleRow, UserRow } from '../store/records.js';
import { groupArn, instanceProfileArn, roleArn, userArn } from './arns.js';
import { encodeDocument } from './documents.js';

const boundary = (arn: string | undefined) => (arn ? { PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const, PermissionsBoundaryArn: arn } : undefined);
const withTags = (tags: Tag[] | undefined) => (tags && tags.length ? tags : undefined);

/** List operations leave out PermissionsBoundary and Tags ("IAM resource-listing operations return a subset"). */
export function renderUser(u: UserRow, detail?: { tags: Tag[] }): User {
  return {
    Path: u.path,
    UserName: u.name,
    UserId: u.userId,
    Arn: userArn(u.accountId, u.path, u.name),
    CreateDate: u.createDate,
    PasswordLastUsed: u.passwordLastUsed,
    PermissionsBoundary: detail ? boundary(u.boundaryArn) : undefined,
    Tags: detail ? withTags(detail.tags) : undefined,
  };
}

export function renderGroup(g: GroupRow): Group {
  return { Path: g.path, GroupName: g.name, GroupId: g.groupId, Arn: groupArn(g.accountId, g.path, g.name), CreateDate: g.createDate };
}

export function renderRole(r: RoleRow, detail?: { tags: Tag[] }): Role {
  return {
    Path: r.path,
    RoleName: r.name,
    RoleId: r.roleId,
    Arn: roleArn(r.accountId, r.path, r.name),
    CreateDate: r.createDate,
    AssumeRolePolicyDocument: encodeDocument(r.trustPolicy),
    Description: r.description,
    MaxSessionDuration: r.maxSessionDuration,
    PermissionsBoundary: detail ? boundary(r.boundaryArn) : undefined,
    Tags: detail ? withTags(detail.tags) : undefined,
    RoleLastUsed: detail ? { LastUsedDate: r.lastUsedDate, Region: r.lastUsedRegion } : undefined,
  };
}

type PolicyFields = Pick<ManagedPolicyRow, 'name' | 'policyId' | 'arn' | 'path' | 'defaultVersion' | 'description' | 'createDate' | 'updateDate'>;

/** Customer and AWS managed policies render alike; only customer ones carry tags. */
export function renderManagedPolicy(p: ManagedPolicyRow, counts: { attachments: number; boundaries: number }, detail?: { tags: Tag[] }): ApiPolicy {
  return { ...renderAwsPolicy(p, counts, !!detail), Tags: detail ? withTags(detail.tags) : undefined };
}

export function renderAwsPolicy(p: PolicyFields, counts: { attachments: number; boundaries: number }, detail = false): ApiPolicy {
  return {
    PolicyName: p.name,
    PolicyId: p.policyId,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: `v${p.defaultVersion}`,
    AttachmentCount: counts.attachments,
    PermissionsBoundaryUsageCount: counts.boundaries,
    IsAttachable: true,
    Description: detail ? p.description : undefined,
    CreateDate: p.createDate,
    UpdateDate: p.updateDate,
  };
}

export function renderInstanceProfile(p: InstanceProfileRow, roles: RoleRow[], tags?: Tag[]): InstanceProfile {
  return {
    Path: p.path,
    InstanceProfileName: p.name,
    InstanceProfileId: p.profileId,
    Arn: instanceProfileArn(p.accountId, p.path, p.name),
    CreateDate: p.createDate,
    Roles: roles.map((r) => renderRole(r)),
    Tags: withTags(tags),
  };
}
