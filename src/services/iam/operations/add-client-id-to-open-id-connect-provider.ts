import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { AddClientIDToOpenIDConnectProviderRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { MAX_CLIENT_IDS } from './create-open-id-connect-provider.js';
import { requireOidcProvider } from './oidc-lookup.js';

/** Adding a client id the provider already has succeeds and changes nothing. */
export async function addClientIDToOpenIDConnectProvider(input: AddClientIDToOpenIDConnectProviderRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const p = requireOidcProvider(ctx, input.OpenIDConnectProviderArn);
    if (p.clientIds.includes(input.ClientID)) return;
    if (p.clientIds.length >= MAX_CLIENT_IDS) throw IamErrors.quota('ClientIdsPerOpenIdConnectProvider', MAX_CLIENT_IDS);
    ctx.store.oidc.put({ ...p, clientIds: [...p.clientIds, input.ClientID] });
  });
  return {};
}
