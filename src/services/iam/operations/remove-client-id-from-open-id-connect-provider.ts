import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { RemoveClientIDFromOpenIDConnectProviderRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { requireOidcProvider } from './oidc-lookup.js';

/** Idempotent: removing a client id the provider does not have succeeds. */
export async function removeClientIDFromOpenIDConnectProvider(input: RemoveClientIDFromOpenIDConnectProviderRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const p = requireOidcProvider(ctx, input.OpenIDConnectProviderArn);
    ctx.store.oidc.put({ ...p, clientIds: p.clientIds.filter((c) => c !== input.ClientID) });
  });
  return {};
}
