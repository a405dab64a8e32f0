import type { PrincipalInfo } from '../../../iam/index.js';
import type { OperationContext } from '../../service.js';
import { credentialsOutput, newSessionKeys } from '../domain/credentials.js';
import { roleSessionSeconds } from '../domain/durations.js';
import { accessDenied } from '../domain/errors.js';
import { verifyWebIdentity } from '../domain/oidc.js';
import { findRole, roleSessionCaller } from '../domain/roles.js';
import { sessionPolicies } from '../domain/session-policies.js';
import type { AssumeRoleWithWebIdentityRequest, AssumeRoleWithWebIdentityResponse } from '../generated/types.js';
import type { StsStore } from '../store.js';

/**
 * Credentials for a role session from an OIDC ID token. The request is unsigned, so the gateway
 * has nobody to authorize: the token is checked against the IAM OIDC provider and the role's trust
 * policy is evaluated here, with the token's claims as condition keys (`<issuer>:sub`, `:aud` …).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 */
export async function assumeRoleWithWebIdentity(input: AssumeRoleWithWebIdentityRequest, ctx: OperationContext<StsStore>): Promise<AssumeRoleWithWebIdentityResponse> {
  const role = findRole(ctx.identity, input.RoleArn);
  const denied = () => accessDenied('Not authorized to perform sts:AssumeRoleWithWebIdentity');
  if (!role) throw denied();
  const now = ctx.now().getTime();
  const web = await verifyWebIdentity(ctx.identity, role.accountId, input.WebIdentityToken, now);
  const principal: PrincipalInfo = {
    arn: web.provider.arn,
    accountId: role.accountId,
    type: 'federated-user',
    userId: web.subject,
    federatedProvider: web.provider.arn,
    tags: {},
  };
  const host = web.issuerHost.toLowerCase();
  const context = new Map<string, readonly string[]>([
    [`${host}:sub`, [web.subject]],
    [`${host}:aud`, [web.audience]],
    ['sts:rolesessionname', [input.RoleSessionName]],
    ['aws:federatedprovider', [web.provider.arn]],
  ]);
  if (typeof web.claims.amr === 'string' || Array.isArray(web.claims.amr)) context.set(`${host}:amr`, ([] as unknown[]).concat(web.claims.amr).map(String));
  if (typeof web.claims.azp === 'string') context.set(`${host}:oaud`, [String(web.claims.aud)]);
  const trust = { policy: role.trustPolicy, source: { type: 'trust' as const, name: role.arn, arn: role.arn } };
  const request = { principal, action: 'sts:AssumeRoleWithWebIdentity', resource: role.arn, resourceAccount: role.accountId, context };
  if (!ctx.isPermitted(request, { identity: [], resource: trust, resourceMustAllow: true })) throw denied();

  const seconds = roleSessionSeconds(input.DurationSeconds, role.maxSessionDuration, false);
  const grant = sessionPolicies(ctx.identity, input.Policy, input.PolicyArns, undefined);
  const keys = newSessionKeys();
  const session = { issuedAt: now, expiresAt: now + seconds * 1000, policies: grant.policies };
  const caller = roleSessionCaller(role, input.RoleSessionName, keys.accessKeyId, {}, session);
  await ctx.store.add({ ...keys, caller });
  return {
    Credentials: credentialsOutput(keys, session.expiresAt),
    SubjectFromWebIdentityToken: web.subject,
    AssumedRoleUser: { AssumedRoleId: caller.userId, Arn: caller.arn },
    PackedPolicySize: grant.packedPolicySize,
    Provider: web.issuerHost,
    Audience: web.audience,
  };
}
