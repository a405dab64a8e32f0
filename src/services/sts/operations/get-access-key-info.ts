import type { OperationContext } from '../../service.js';
import type { GetAccessKeyInfoRequest, GetAccessKeyInfoResponse } from '../generated/types.js';
import type { StsStore } from '../store.js';

/**
 * The account an access key belongs to: keys IAM or STS issued name their account; a
 * conventional 12-digit key is that account, any other the default one.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html
 */
export function getAccessKeyInfo(input: GetAccessKeyInfoRequest, ctx: OperationContext<StsStore>): GetAccessKeyInfoResponse {
  const id = input.AccessKeyId;
  const issued = ctx.identity.resolveCredential(id) ?? ctx.store.resolveCredential(id);
  if (issued) return { Account: issued.caller.accountId };
  return { Account: /^\d{12}$/.test(id) ? id : ctx.defaultAccountId };
}
