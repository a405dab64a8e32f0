import { checkTrustDocument } from '../domain/documents.js';
import { IamErrors } from '../domain/errors.js';
import { iamNow, uniqueId } from '../domain/ids.js';
import { renderRole } from '../domain/render.js';
import { checkRequestTags } from '../domain/tags.js';
import type { CreateRoleRequest, CreateRoleResponse } from '../generated/types.js';
import { findManagedPolicy, type Ctx } from '../lookup.js';
import type { RoleRow } from '../store/records.js';

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html */
export async function createRole(input: CreateRoleRequest, ctx: Ctx): Promise<CreateRoleResponse> {
  checkTrustDocument(input.AssumeRolePolicyDocument);
  checkRequestTags(input.Tags);
  if (input.PermissionsBoundary !== undefined) findManagedPolicy(ctx, input.PermissionsBoundary, 'attach');
  const role: RoleRow = {
    accountId: ctx.accountId,
    roleId: uniqueId('AROA'),
    name: input.RoleName,
    path: input.Path ?? '/',
    createDate: iamNow(ctx.now()),
    trustPolicy: input.AssumeRolePolicyDocument,
    description: input.Description,
    maxSessionDuration: input.MaxSessionDuration ?? 3600,
    boundaryArn: input.PermissionsBoundary,
  };
  await ctx.store.transaction(() => {
    if (ctx.store.roles.get(ctx.accountId, input.RoleName)) throw IamErrors.roleExists(input.RoleName);
    ctx.store.roles.insert(role);
    if (input.Tags?.length) ctx.store.tags.set(role.roleId, input.Tags);
  });
  const out = renderRole(role, { tags: input.Tags ?? [] });
  // CreateRole answers without RoleLastUsed; GetRole answers it (empty until the role is used).
  return { Role: { ...out, RoleLastUsed: undefined } };
}
