import { IamErrors } from '../domain/errors.js';
import type { GetMFADeviceRequest, GetMFADeviceResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

export function getMFADevice(input: GetMFADeviceRequest, ctx: Ctx): GetMFADeviceResponse {
  const device = ctx.store.mfa.get(input.SerialNumber);
  if (!device || device.accountId !== ctx.accountId) throw IamErrors.noSuchMfaDevice(input.SerialNumber);
  const user = device.userId ? ctx.store.users.byId(device.userId) : undefined;
  if (input.UserName !== undefined && user?.name.toLowerCase() !== input.UserName.toLowerCase()) throw IamErrors.noSuchMfaDevice(input.SerialNumber);
  return { SerialNumber: device.serialNumber, UserName: user?.name, EnableDate: device.enableDate };
}
