import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import { consecutiveCodes } from '../domain/mfa.js';
import type { ResyncMFADeviceRequest } from '../generated/types.js';
import { requireUser, type Ctx } from '../lookup.js';

/** Resync accepts codes from a wider window (a device whose clock drifted); 10 minutes here. */
const RESYNC_LOOK_BACK = 20;

/**
 * Nimbus keeps no per-device drift (codes are checked against the clock with a fixed window), so
 * resyncing only verifies the two codes. https://docs.aws.amazon.com/IAM/latest/APIReference/API_ResyncMFADevice.html
 */
export function resyncMFADevice(input: ResyncMFADeviceRequest, ctx: Ctx): EmptyOutput {
  const user = requireUser(ctx, input.UserName);
  const device = ctx.store.mfa.get(input.SerialNumber);
  if (!device || device.userId !== user.userId) throw IamErrors.noSuchMfaDevice(input.SerialNumber);
  const step = consecutiveCodes(device.seed, input.AuthenticationCode1, input.AuthenticationCode2, ctx.now().getTime(), RESYNC_LOOK_BACK);
  if (step === undefined) throw IamErrors.invalidAuthenticationCode();
  return {};
}
