import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { UntagMFADeviceRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { removeTags } from '../tagging.js';

export async function untagMFADevice(input: UntagMFADeviceRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const d = ctx.store.mfa.get(input.SerialNumber);
    if (!d || d.accountId !== ctx.accountId) throw IamErrors.noSuchVirtualMfaDevice(input.SerialNumber);
    removeTags(ctx, d.serialNumber, input.TagKeys);
  });
  return {};
}
