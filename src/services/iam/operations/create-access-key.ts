import { IamErrors } from '../domain/errors.js';
import { accessKeyId, iamNow, secretAccessKey } from '../domain/ids.js';
import type { CreateAccessKeyRequest, CreateAccessKeyResponse } from '../generated/types.js';
import { targetUser, type Ctx } from '../lookup.js';
import type { AccessKeyRow } from '../store/records.js';

/** A user can have two access keys. */
export const ACCESS_KEYS_PER_USER = 2;

/**
 * A new Active key; its secret is answered only here. Requests signed with it act as the user.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html
 */
export async function createAccessKey(input: CreateAccessKeyRequest, ctx: Ctx): Promise<CreateAccessKeyResponse> {
  const key = await ctx.store.transaction(() => {
    const user = targetUser(ctx, input.UserName);
    if (!user) throw IamErrors.rootKeys();
    if (ctx.store.keys.forUser(user.userId).length >= ACCESS_KEYS_PER_USER) throw IamErrors.quota('AccessKeysPerUser', ACCESS_KEYS_PER_USER);
    const row: AccessKeyRow = {
      accessKeyId: accessKeyId(),
      accountId: ctx.accountId,
      userId: user.userId,
      secret: secretAccessKey(),
      status: 'Active',
      createDate: iamNow(ctx.now()),
    };
    ctx.store.keys.insert(row);
    return { row, userName: user.name };
  });
  return {
    AccessKey: { UserName: key.userName, AccessKeyId: key.row.accessKeyId, Status: key.row.status, SecretAccessKey: key.row.secret, CreateDate: key.row.createDate },
  };
}
