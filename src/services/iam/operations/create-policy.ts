import { policyArn } from '../domain/arns.js';
import { checkManagedDocument } from '../domain/documents.js';
import { IamErrors } from '../domain/errors.js';
import { iamNow, uniqueId } from '../domain/ids.js';
import { renderManagedPolicy } from '../domain/render.js';
import { checkRequestTags } from '../domain/tags.js';
import type { CreatePolicyRequest, CreatePolicyResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import type { ManagedPolicyRow } from '../store/records.js';

/**
 * A customer managed policy with its first version (v1, the default). Names are unique in the
 * account whatever the path. https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html
 */
export async function createPolicy(input: CreatePolicyRequest, ctx: Ctx): Promise<CreatePolicyResponse> {
  checkManagedDocument(input.PolicyDocument);
  checkRequestTags(input.Tags);
  const path = input.Path ?? '/';
  const now = iamNow(ctx.now());
  const policy: ManagedPolicyRow = {
    accountId: ctx.accountId,
    policyId: uniqueId('ANPA'),
    name: input.PolicyName,
    path,
    arn: policyArn(ctx.accountId, path, input.PolicyName),
    description: input.Description,
    defaultVersion: 1,
    nextVersion: 2,
    createDate: now,
    updateDate: now,
  };
  await ctx.store.transaction(() => {
    if (ctx.store.policies.byName(ctx.accountId, input.PolicyName)) throw IamErrors.policyExists(input.PolicyName);
    ctx.store.policies.insert(policy, input.PolicyDocument);
    if (input.Tags?.length) ctx.store.tags.set(policy.policyId, input.Tags);
  });
  const out = renderManagedPolicy(policy, { attachments: 0, boundaries: 0 }, { tags: input.Tags ?? [] });
  return { Policy: { ...out, Description: undefined } };
}
