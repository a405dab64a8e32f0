import { paginateByIndex } from '../domain/pagination.js';
import type { ListEntitiesForPolicyRequest, ListEntitiesForPolicyResponse } from '../generated/types.js';
import { findManagedPolicy, type Ctx } from '../lookup.js';

type Entity = { kind: 'group'; GroupName: string; GroupId: string } | { kind: 'user'; UserName: string; UserId: string } | { kind: 'role'; RoleName: string; RoleId: string };

/**
 * The users, groups and roles a managed policy is attached to (PolicyUsageFilter
 * PermissionsPolicy, the default) or is the permissions boundary of (PermissionsBoundary), each
 * in name order. https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListEntitiesForPolicy.html
 */
export function listEntitiesForPolicy(input: ListEntitiesForPolicyRequest, ctx: Ctx): ListEntitiesForPolicyResponse {
  findManagedPolicy(ctx, input.PolicyArn, 'get');
  const s = ctx.store;
  const filter = input.EntityFilter;
  const prefix = input.PathPrefix ?? '/';
  const boundary = input.PolicyUsageFilter === 'PermissionsBoundary';
  const owners = new Set(boundary ? [] : s.attachments.owners(ctx.accountId, input.PolicyArn));
  const entities: Entity[] = [];
  if (!boundary && (!filter || filter === 'Group')) {
    for (const g of s.groups.list(ctx.accountId, prefix)) if (owners.has(g.groupId)) entities.push({ kind: 'group', GroupName: g.name, GroupId: g.groupId });
  }
  if (!filter || filter === 'User') {
    for (const u of s.users.list(ctx.accountId, prefix)) {
      if (boundary ? u.boundaryArn === input.PolicyArn : owners.has(u.userId)) entities.push({ kind: 'user', UserName: u.name, UserId: u.userId });
    }
  }
  if (!filter || filter === 'Role') {
    for (const r of s.roles.list(ctx.accountId, prefix)) {
      if (boundary ? r.boundaryArn === input.PolicyArn : owners.has(r.roleId)) entities.push({ kind: 'role', RoleName: r.name, RoleId: r.roleId });
    }
  }
  const page = paginateByIndex(entities, input.Marker, input.MaxItems);
  const out: ListEntitiesForPolicyResponse = { PolicyGroups: [], PolicyUsers: [], PolicyRoles: [], IsTruncated: page.IsTruncated, Marker: page.Marker };
  for (const e of page.items) {
    if (e.kind === 'group') out.PolicyGroups!.push({ GroupName: e.GroupName, GroupId: e.GroupId });
    else if (e.kind === 'user') out.PolicyUsers!.push({ UserName: e.UserName, UserId: e.UserId });
    else out.PolicyRoles!.push({ RoleName: e.RoleName, RoleId: e.RoleId });
  }
  return out;
}
