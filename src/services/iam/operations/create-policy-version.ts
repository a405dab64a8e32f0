import { checkManagedDocument } from '../domain/documents.js';
import { IamErrors } from '../domain/errors.js';
import { iamNow } from '../domain/ids.js';
import type { CreatePolicyVersionRequest, CreatePolicyVersionResponse } from '../generated/types.js';
import { requireCustomerPolicy, type Ctx } from '../lookup.js';

/** A policy keeps at most five versions. */
export const MAX_POLICY_VERSIONS = 5;

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html */
export async function createPolicyVersion(input: CreatePolicyVersionRequest, ctx: Ctx): Promise<CreatePolicyVersionResponse> {
  checkManagedDocument(input.PolicyDocument);
  const now = iamNow(ctx.now());
  const setAsDefault = input.SetAsDefault === true;
  const version = await ctx.store.transaction(() => {
    const policy = requireCustomerPolicy(ctx, input.PolicyArn);
    if (ctx.store.policies.versions(policy.policyId).length >= MAX_POLICY_VERSIONS) throw IamErrors.tooManyVersions();
    return ctx.store.policies.addVersion(policy, input.PolicyDocument, now, setAsDefault);
  });
  return { PolicyVersion: { VersionId: `v${version}`, IsDefaultVersion: setAsDefault, CreateDate: now } };
}
