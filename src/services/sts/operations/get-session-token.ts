import type { OperationContext } from '../../service.js';
import { credentialsOutput, newSessionKeys } from '../domain/credentials.js';
import { refuseSessionCaller, userSessionSeconds } from '../domain/durations.js';
import { checkMfa } from '../domain/mfa.js';
import type { GetSessionTokenRequest, GetSessionTokenResponse } from '../generated/types.js';
import type { StsStore } from '../store.js';

/**
 * Temporary credentials for the calling IAM user (or root), with the same permissions; with
 * SerialNumber + TokenCode the session carries aws:MultiFactorAuthPresent.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 */
export async function getSessionToken(input: GetSessionTokenRequest, ctx: OperationContext<StsStore>): Promise<GetSessionTokenResponse> {
  const caller = ctx.caller;
  refuseSessionCaller(caller, 'GetSessionToken');
  const now = ctx.now().getTime();
  const mfaAt = checkMfa(ctx.identity, caller, input.SerialNumber, input.TokenCode, now);
  const expiresAt = now + userSessionSeconds(input.DurationSeconds, caller) * 1000;
  const keys = newSessionKeys();
  await ctx.store.add({
    ...keys,
    caller: { ...caller, accessKeyId: keys.accessKeyId, session: { issuedAt: now, expiresAt, mfaAuthenticatedAt: mfaAt } },
  });
  return { Credentials: credentialsOutput(keys, expiresAt) };
}
