import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import { iamNow } from '../domain/ids.js';
import { consecutiveCodes } from '../domain/mfa.js';
import type { EnableMFADeviceRequest } from '../generated/types.js';
import { requireUser, type Ctx } from '../lookup.js';

/** How far back (in 30-second steps) the first of the two codes may be. */
const ENABLE_LOOK_BACK = 4;

/**
 * Assigns a virtual MFA device to a user once the user proves to hold it with two consecutive
 * codes; anything else is InvalidAuthenticationCode (403). The codes are then spent: they cannot
 * be replayed to STS. https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableMFADevice.html
 */
export async function enableMFADevice(input: EnableMFADeviceRequest, ctx: Ctx): Promise<EmptyOutput> {
  const now = ctx.now();
  await ctx.store.transaction(() => {
    const user = requireUser(ctx, input.UserName);
    const device = ctx.store.mfa.get(input.SerialNumber);
    if (!device || device.accountId !== ctx.accountId) throw IamErrors.noSuchMfaDevice(input.SerialNumber);
    if (device.userId) throw IamErrors.mfaInUse();
    const step = consecutiveCodes(device.seed, input.AuthenticationCode1, input.AuthenticationCode2, now.getTime(), ENABLE_LOOK_BACK);
    if (step === undefined || !ctx.store.directory.consumeMfaCode(device.serialNumber, step + 1)) throw IamErrors.invalidAuthenticationCode();
    ctx.store.mfa.assign(device.serialNumber, user.userId, iamNow(now));
  });
  return {};
}
