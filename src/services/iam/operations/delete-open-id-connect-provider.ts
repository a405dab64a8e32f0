import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { DeleteOpenIDConnectProviderRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { requireOidcProvider } from './oidc-lookup.js';

export async function deleteOpenIDConnectProvider(input: DeleteOpenIDConnectProviderRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const p = requireOidcProvider(ctx, input.OpenIDConnectProviderArn);
    ctx.store.tags.clear(p.arn);
    ctx.store.oidc.delete(p.arn);
  });
  return {};
}
