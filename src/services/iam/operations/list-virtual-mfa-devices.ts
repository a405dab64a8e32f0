import { paginate } from '../domain/pagination.js';
import { renderUser } from '../domain/render.js';
import type { ListVirtualMFADevicesRequest, ListVirtualMFADevicesResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

/** Every virtual device of the account, filtered by AssignmentStatus (Any by default); seeds are never listed. */
export function listVirtualMFADevices(input: ListVirtualMFADevicesRequest, ctx: Ctx): ListVirtualMFADevicesResponse {
  const status = input.AssignmentStatus ?? 'Any';
  const devices = ctx.store.mfa.list(ctx.accountId).filter((d) => status === 'Any' || (status === 'Assigned') === (d.userId !== undefined));
  const page = paginate(devices, (d) => d.serialNumber, input.Marker, input.MaxItems);
  return {
    VirtualMFADevices: page.items.map((d) => {
      const user = d.userId ? ctx.store.users.byId(d.userId) : undefined;
      const tags = ctx.store.tags.get(d.serialNumber);
      return { SerialNumber: d.serialNumber, User: user && renderUser(user), EnableDate: d.enableDate, Tags: tags.length ? tags : undefined };
    }),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
}
