import { paginate } from '../domain/pagination.js';
import type { ListMFADevicesRequest, ListMFADevicesResponse } from '../generated/types.js';
import { targetUser, type Ctx } from '../lookup.js';

/** The devices enabled for a user (the caller without UserName). */
export function listMFADevices(input: ListMFADevicesRequest, ctx: Ctx): ListMFADevicesResponse {
  const user = targetUser(ctx, input.UserName);
  const devices = user ? ctx.store.mfa.forUser(user.userId) : [];
  const page = paginate(devices, (d) => d.serialNumber, input.Marker, input.MaxItems);
  return {
    MFADevices: page.items.map((d) => ({ UserName: user!.name, SerialNumber: d.serialNumber, EnableDate: d.enableDate! })),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
}
