import type { OperationContext } from '../../service.js';
import { credentialsOutput, newSessionKeys } from '../domain/credentials.js';
import { roleSessionSeconds } from '../domain/durations.js';
import { accessDenied } from '../domain/errors.js';
import { checkMfa } from '../domain/mfa.js';
import { findRole, inheritedTags, roleSessionCaller } from '../domain/roles.js';
import { sessionPolicies, sessionTags } from '../domain/session-policies.js';
import type { AssumeRoleRequest, AssumeRoleResponse } from '../generated/types.js';
import type { StsStore } from '../store.js';

/**
 * Credentials for a role session. The gateway has already evaluated the role's trust policy
 * together with the caller's own policies (see authorization.ts); here the session is built:
 * duration within the role's limit, session policies, tags, MFA, source identity.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
export async function assumeRole(input: AssumeRoleRequest, ctx: OperationContext<StsStore>): Promise<AssumeRoleResponse> {
  const caller = ctx.caller;
  const role = findRole(ctx.identity, input.RoleArn);
  // Reached only with IAM off, or for a root (never denied by default): AWS would refuse.
  if (!role) throw accessDenied(`User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`);
  const now = ctx.now().getTime();
  const chained = caller.type === 'assumed-role';
  const seconds = roleSessionSeconds(input.DurationSeconds, role.maxSessionDuration, chained);
  const mfaAt = checkMfa(ctx.identity, caller, input.SerialNumber, input.TokenCode, now) ?? (chained ? caller.session?.mfaAuthenticatedAt : undefined);
  const grant = sessionPolicies(ctx.identity, input.Policy, input.PolicyArns, input.Tags);
  const inherited = chained ? inheritedTags(caller) : { tags: {}, transitive: [] };
  const tags = { ...inherited.tags, ...sessionTags(input.Tags, input.TransitiveTagKeys) };
  if (chained && caller.session?.sourceIdentity !== undefined && input.SourceIdentity !== undefined && input.SourceIdentity !== caller.session.sourceIdentity) {
    throw accessDenied('SourceIdentity cannot be changed once set in a role session.');
  }
  const sourceIdentity = input.SourceIdentity ?? (chained ? caller.session?.sourceIdentity : undefined);
  const keys = newSessionKeys();
  const session = {
    issuedAt: now,
    expiresAt: now + seconds * 1000,
    mfaAuthenticatedAt: mfaAt,
    sourceIdentity,
    policies: grant.policies,
    transitiveTagKeys: [...new Set([...inherited.transitive, ...(input.TransitiveTagKeys ?? [])])],
  };
  const sessionCaller = roleSessionCaller(role, input.RoleSessionName, keys.accessKeyId, tags, session);
  await ctx.store.add({ ...keys, caller: sessionCaller });
  return {
    Credentials: credentialsOutput(keys, session.expiresAt),
    AssumedRoleUser: { AssumedRoleId: sessionCaller.userId, Arn: sessionCaller.arn },
    PackedPolicySize: grant.packedPolicySize,
    SourceIdentity: sourceIdentity,
  };
}
