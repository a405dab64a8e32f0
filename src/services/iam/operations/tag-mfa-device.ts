import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { TagMFADeviceRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { addTags } from '../tagging.js';

export async function tagMFADevice(input: TagMFADeviceRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const d = ctx.store.mfa.get(input.SerialNumber);
    if (!d || d.accountId !== ctx.accountId) throw IamErrors.noSuchVirtualMfaDevice(input.SerialNumber);
    addTags(ctx, d.serialNumber, input.Tags);
  });
  return {};
}
