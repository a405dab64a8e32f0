import type { ListOpenIDConnectProvidersRequest, ListOpenIDConnectProvidersResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

export function listOpenIDConnectProviders(_input: ListOpenIDConnectProvidersRequest, ctx: Ctx): ListOpenIDConnectProvidersResponse {
  return { OpenIDConnectProviderList: ctx.store.oidc.list(ctx.accountId).map((p) => ({ Arn: p.arn })) };
}
