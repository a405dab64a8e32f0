import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { DeactivateMFADeviceRequest } from '../generated/types.js';
import { targetUser, type Ctx } from '../lookup.js';

/** Unassigns the device from the user; a virtual device stays, Unassigned, until deleted. */
export async function deactivateMFADevice(input: DeactivateMFADeviceRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const user = targetUser(ctx, input.UserName);
    const device = ctx.store.mfa.get(input.SerialNumber);
    if (!user || !device || device.userId !== user.userId) throw IamErrors.noSuchMfaDevice(input.SerialNumber);
    ctx.store.mfa.assign(device.serialNumber, undefined, undefined);
  });
  return {};
}
