import { IamErrors } from '../domain/errors.js';
import type { ListMFADeviceTagsRequest, ListMFADeviceTagsResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { listTags } from '../tagging.js';

export function listMFADeviceTags(input: ListMFADeviceTagsRequest, ctx: Ctx): ListMFADeviceTagsResponse {
  const d = ctx.store.mfa.get(input.SerialNumber);
  if (!d || d.accountId !== ctx.accountId) throw IamErrors.noSuchVirtualMfaDevice(input.SerialNumber);
  return listTags(ctx, d.serialNumber, input.Marker, input.MaxItems);
}
