import type { GetCallerIdentityRequest, GetCallerIdentityResponse } from '../generated/types.js';
import type { OperationContext } from '../../service.js';

/**
 * The identity the request's credentials resolve to. AWS answers it for any valid credentials,
 * whatever the policies say. https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
export function getCallerIdentity(_input: GetCallerIdentityRequest, ctx: OperationContext<unknown>): GetCallerIdentityResponse {
  return { UserId: ctx.caller.userId, Account: ctx.caller.accountId, Arn: ctx.caller.arn };
}
