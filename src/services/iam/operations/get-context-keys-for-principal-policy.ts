import { awsManagedPolicy } from '../domain/aws-managed-policies.js';
import { contextKeys } from '../domain/context-keys.js';
import { checkDocument } from '../domain/documents.js';
import { IamErrors } from '../domain/errors.js';
import type { GetContextKeysForPolicyResponse, GetContextKeysForPrincipalPolicyRequest } from '../generated/types.js';
import { requireGroup, requireRole, requireUser, type Ctx } from '../lookup.js';

/** Documents of one principal's own inline and attached managed policies. */
function documentsOf(ctx: Ctx, ownerId: string): string[] {
  const s = ctx.store;
  const docs = s.inline.list(ownerId).map((p) => p.document);
  for (const arn of s.attachments.forOwner(ownerId)) {
    const aws = awsManagedPolicy(arn);
    if (aws) docs.push(aws.document);
    const p = aws ? undefined : s.policies.byArn(arn);
    const v = p && s.policies.version(p.policyId, p.defaultVersion);
    if (v) docs.push(v.document);
  }
  return docs;
}

/**
 * Keys referenced by the policies of a user (and its groups), group or role, plus any given.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetContextKeysForPrincipalPolicy.html
 */
export function getContextKeysForPrincipalPolicy(input: GetContextKeysForPrincipalPolicyRequest, ctx: Ctx): GetContextKeysForPolicyResponse {
  for (const text of input.PolicyInputList ?? []) checkDocument(text, 'identity');
  const m = /^arn:aws:iam::(\d{12}):(user|group|role)\/(?:.*\/)?([^/]+)$/.exec(input.PolicySourceArn);
  if (!m || m[1] !== ctx.accountId) throw IamErrors.invalidInput(`Invalid ARN: ${input.PolicySourceArn}`);
  const name = m[3]!;
  const docs: string[] = [];
  if (m[2] === 'user') {
    const u = requireUser(ctx, name);
    docs.push(...documentsOf(ctx, u.userId));
    for (const g of ctx.store.groups.forUser(u.userId)) docs.push(...documentsOf(ctx, g.groupId));
  } else if (m[2] === 'group') {
    docs.push(...documentsOf(ctx, requireGroup(ctx, name).groupId));
  } else {
    docs.push(...documentsOf(ctx, requireRole(ctx, name).roleId));
  }
  return { ContextKeyNames: contextKeys([...docs, ...(input.PolicyInputList ?? [])]) };
}
