import { IamErrors } from '../domain/errors.js';
import { taskId } from '../domain/ids.js';
import type { DeleteServiceLinkedRoleRequest, DeleteServiceLinkedRoleResponse } from '../generated/types.js';
import { requireRole, type Ctx } from '../lookup.js';
import { isServiceLinked } from './create-service-linked-role.js';

/**
 * AWS deletes service-linked roles asynchronously and answers a task id to poll; Nimbus has no
 * resources that could still use the role, so the task has SUCCEEDED by the time it is answered.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteServiceLinkedRole.html
 */
export async function deleteServiceLinkedRole(input: DeleteServiceLinkedRoleRequest, ctx: Ctx): Promise<DeleteServiceLinkedRoleResponse> {
  const id = await ctx.store.transaction(() => {
    const s = ctx.store;
    const role = requireRole(ctx, input.RoleName);
    if (!isServiceLinked(role)) throw IamErrors.invalidInput(`Role ${role.name} is not a service-linked role.`);
    for (const p of s.inline.list(role.roleId)) s.inline.delete(role.roleId, p.name);
    for (const arn of s.attachments.forOwner(role.roleId)) s.attachments.detach(role.roleId, arn);
    for (const p of s.instanceProfiles.forRole(role.roleId)) s.instanceProfiles.removeRole(p.profileId, role.roleId);
    s.tags.clear(role.roleId);
    s.roles.delete(role.roleId);
    const task = `task${role.path}${role.name}/${taskId()}`;
    s.account.addDeletionTask(ctx.accountId, task, 'SUCCEEDED');
    return task;
  });
  return { DeletionTaskId: id };
}
