import type { GetOpenIDConnectProviderRequest, GetOpenIDConnectProviderResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { requireOidcProvider } from './oidc-lookup.js';

export function getOpenIDConnectProvider(input: GetOpenIDConnectProviderRequest, ctx: Ctx): GetOpenIDConnectProviderResponse {
  const p = requireOidcProvider(ctx, input.OpenIDConnectProviderArn);
  const tags = ctx.store.tags.get(p.arn);
  return { Url: p.url, ClientIDList: p.clientIds, ThumbprintList: p.thumbprints, CreateDate: p.createDate, Tags: tags.length ? tags : undefined };
}
