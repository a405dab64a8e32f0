/** AttachmentCount and PermissionsBoundaryUsageCount of managed policies, per account. */
import type { Ctx } from './lookup.js';

export interface PolicyCounts {
  get(arn: string): { attachments: number; boundaries: number };
}

/** Counts for every policy of the account, read once (for lists). */
export function policyCounts(ctx: Ctx): PolicyCounts {
  const attachments = ctx.store.attachments.counts(ctx.accountId);
  const boundaries = ctx.store.attachments.boundaryCounts(ctx.accountId);
  return { get: (arn) => ({ attachments: attachments.get(arn) ?? 0, boundaries: boundaries.get(arn) ?? 0 }) };
}

/** Counts for one policy. */
export function countsFor(ctx: Ctx, arn: string): { attachments: number; boundaries: number } {
  return { attachments: ctx.store.attachments.owners(ctx.accountId, arn).length, boundaries: ctx.store.attachments.boundaryUses(ctx.accountId, arn) };
}
