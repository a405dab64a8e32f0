import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { DeleteRoleRequest } from '../generated/types.js';
import { requireRole, type Ctx } from '../lookup.js';
import { isServiceLinked } from './create-service-linked-role.js';

/**
 * Refused while the role has inline policies, attached policies or instance profiles (in the
 * order the documentation lists them); service-linked roles are deleted with
 * DeleteServiceLinkedRole. https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRole.html
 */
export async function deleteRole(input: DeleteRoleRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const s = ctx.store;
    const role = requireRole(ctx, input.RoleName);
    if (isServiceLinked(role)) throw IamErrors.serviceLinkedRole(role.name);
    if (s.inline.count(role.roleId)) throw IamErrors.mustDeleteFirst('delete policies');
    if (s.attachments.forOwner(role.roleId).length) throw IamErrors.mustDeleteFirst('detach all policies');
    if (s.instanceProfiles.forRole(role.roleId).length) throw IamErrors.mustDeleteFirst('remove roles from instance profile');
    s.tags.clear(role.roleId);
    s.roles.delete(role.roleId);
  });
  return {};
}
