import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { DeleteVirtualMFADeviceRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

/** Refused while the device is assigned to a user (deactivate it first). */
export async function deleteVirtualMFADevice(input: DeleteVirtualMFADeviceRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const device = ctx.store.mfa.get(input.SerialNumber);
    if (!device || device.accountId !== ctx.accountId) throw IamErrors.noSuchVirtualMfaDevice(input.SerialNumber);
    if (device.userId) throw IamErrors.mfaStillInUse();
    ctx.store.tags.clear(device.serialNumber);
    ctx.store.mfa.delete(device.serialNumber);
  });
  return {};
}
