import { paginate } from '../domain/pagination.js';
import type { ListAccessKeysRequest, ListAccessKeysResponse } from '../generated/types.js';
import { targetUser, type Ctx } from '../lookup.js';

/** A user's keys (the caller's without UserName; the root has none here), oldest first. */
export function listAccessKeys(input: ListAccessKeysRequest, ctx: Ctx): ListAccessKeysResponse {
  const user = targetUser(ctx, input.UserName);
  const keys = user ? ctx.store.keys.forUser(user.userId) : [];
  const page = paginate(keys, (k) => `${String(k.createDate.getTime()).padStart(15, '0')}:${k.accessKeyId}`, input.Marker, input.MaxItems);
  return {
    AccessKeyMetadata: page.items.map((k) => ({ UserName: user!.name, AccessKeyId: k.accessKeyId, Status: k.status, CreateDate: k.createDate })),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
}
