import { oidcProviderArn } from '../domain/arns.js';
import { IamErrors } from '../domain/errors.js';
import { iamNow } from '../domain/ids.js';
import { checkRequestTags } from '../domain/tags.js';
import type { CreateOpenIDConnectProviderRequest, CreateOpenIDConnectProviderResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

/** Quotas: 100 client ids and 5 thumbprints per provider. */
export const MAX_CLIENT_IDS = 100;
export const MAX_THUMBPRINTS = 5;

/** `https://token.actions.githubusercontent.com/` → `token.actions.githubusercontent.com`, as IAM keys providers. */
export function providerUrl(url: string): string {
  if (!/^https:\/\/[^\s/]+/i.test(url)) throw IamErrors.invalidInput('Invalid URL: the provider URL must begin with https://');
  return url.replace(/^https:\/\//i, '').replace(/\/+$/, '');
}

export function checkThumbprints(list: readonly string[]): void {
  if (list.length > MAX_THUMBPRINTS) throw IamErrors.quota('ThumbprintsPerOpenIdConnectProvider', MAX_THUMBPRINTS);
  for (const t of list) if (!/^[0-9a-fA-F]{40}$/.test(t)) throw IamErrors.invalidInput(`Thumbprint ${t} is not a 40-character hexadecimal SHA-1 fingerprint.`);
}

/**
 * An OpenID Connect identity provider that roles can trust (STS AssumeRoleWithWebIdentity reads
 * it). AWS no longer requires thumbprints; Nimbus does not fetch the provider's certificate.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateOpenIDConnectProvider.html
 */
export async function createOpenIDConnectProvider(input: CreateOpenIDConnectProviderRequest, ctx: Ctx): Promise<CreateOpenIDConnectProviderResponse> {
  const url = providerUrl(input.Url);
  const clientIds = [...new Set(input.ClientIDList ?? [])];
  const thumbprints = [...new Set((input.ThumbprintList ?? []).map((t) => t.toLowerCase()))];
  if (clientIds.length > MAX_CLIENT_IDS) throw IamErrors.quota('ClientIdsPerOpenIdConnectProvider', MAX_CLIENT_IDS);
  checkThumbprints(thumbprints);
  checkRequestTags(input.Tags);
  const arn = oidcProviderArn(ctx.accountId, url);
  await ctx.store.transaction(() => {
    if (ctx.store.oidc.get(arn)) throw IamErrors.oidcExists(input.Url);
    ctx.store.oidc.put({ arn, accountId: ctx.accountId, url, clientIds, thumbprints, createDate: iamNow(ctx.now()) });
    if (input.Tags?.length) ctx.store.tags.set(arn, input.Tags);
  });
  return { OpenIDConnectProviderArn: arn, Tags: input.Tags?.length ? input.Tags : undefined };
}
