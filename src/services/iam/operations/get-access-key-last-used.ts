import { IamErrors } from '../domain/errors.js';
import type { GetAccessKeyLastUsedRequest, GetAccessKeyLastUsedResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

/**
 * When and where a key was last used; a key never used answers ServiceName and Region "N/A" and
 * no date, as AWS does. Uses are batched in memory (see usage.ts), so the pending one wins.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccessKeyLastUsed.html
 */
export function getAccessKeyLastUsed(input: GetAccessKeyLastUsedRequest, ctx: Ctx): GetAccessKeyLastUsedResponse {
  const key = ctx.store.keys.get(input.AccessKeyId);
  if (!key || key.accountId !== ctx.accountId) throw IamErrors.noSuchAccessKey(input.AccessKeyId);
  const user = ctx.store.users.byId(key.userId);
  const pending = ctx.store.directory.usage.pendingUse(key.accessKeyId);
  const last = pending
    ? { LastUsedDate: new Date(Math.floor(pending.at / 1000) * 1000), ServiceName: pending.service, Region: pending.region }
    : key.lastUsedDate
      ? { LastUsedDate: key.lastUsedDate, ServiceName: key.lastUsedService ?? 'N/A', Region: key.lastUsedRegion ?? 'N/A' }
      : { ServiceName: 'N/A', Region: 'N/A' };
  return { UserName: user?.name, AccessKeyLastUsed: last };
}
