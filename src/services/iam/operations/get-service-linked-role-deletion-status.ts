import { IamErrors } from '../domain/errors.js';
import type { GetServiceLinkedRoleDeletionStatusRequest, GetServiceLinkedRoleDeletionStatusResponse } from '../generated/types.js';
import type { DeletionTaskStatusType } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

export function getServiceLinkedRoleDeletionStatus(input: GetServiceLinkedRoleDeletionStatusRequest, ctx: Ctx): GetServiceLinkedRoleDeletionStatusResponse {
  const status = ctx.store.account.deletionTask(ctx.accountId, input.DeletionTaskId);
  if (!status) throw IamErrors.noSuchDeletionTask(input.DeletionTaskId);
  return { Status: status as DeletionTaskStatusType };
}
