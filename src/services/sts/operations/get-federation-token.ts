import type { Caller } from '../../../auth/principal.js';
import type { OperationContext } from '../../service.js';
import { credentialsOutput, newSessionKeys } from '../domain/credentials.js';
import { refuseSessionCaller, userSessionSeconds } from '../domain/durations.js';
import { sessionPolicies, sessionTags } from '../domain/session-policies.js';
import type { GetFederationTokenRequest, GetFederationTokenResponse } from '../generated/types.js';
import type { StsStore } from '../store.js';

/**
 * Credentials for a federated user: the calling IAM user's permissions intersected with the
 * session policies passed here. Without a session policy the federated user may do nothing.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
 */
export async function getFederationToken(input: GetFederationTokenRequest, ctx: OperationContext<StsStore>): Promise<GetFederationTokenResponse> {
  const caller = ctx.caller;
  refuseSessionCaller(caller, 'GetFederationToken');
  const now = ctx.now().getTime();
  const expiresAt = now + userSessionSeconds(input.DurationSeconds, caller) * 1000;
  const grant = sessionPolicies(ctx.identity, input.Policy, input.PolicyArns, input.Tags);
  const tags = { ...caller.tags, ...sessionTags(input.Tags, undefined) };
  const keys = newSessionKeys();
  const federated: Caller = {
    arn: `arn:aws:sts::${caller.accountId}:federated-user/${input.Name}`,
    accountId: caller.accountId,
    type: 'federated-user',
    userId: `${caller.accountId}:${input.Name}`,
    tags,
    accessKeyId: keys.accessKeyId,
    policyHolder: caller.type === 'user' ? caller.policyHolder : undefined,
    sourceUserArn: caller.arn,
    session: { issuedAt: now, expiresAt, policies: grant.policies ?? [] },
  };
  await ctx.store.add({ ...keys, caller: federated });
  return {
    Credentials: credentialsOutput(keys, expiresAt),
    FederatedUser: { FederatedUserId: federated.userId, Arn: federated.arn },
    PackedPolicySize: grant.packedPolicySize,
  };
}
