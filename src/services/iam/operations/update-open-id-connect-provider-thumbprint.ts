import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { UpdateOpenIDConnectProviderThumbprintRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { checkThumbprints } from './create-open-id-connect-provider.js';
import { requireOidcProvider } from './oidc-lookup.js';

/** Replaces the whole thumbprint list. */
export async function updateOpenIDConnectProviderThumbprint(input: UpdateOpenIDConnectProviderThumbprintRequest, ctx: Ctx): Promise<EmptyOutput> {
  const thumbprints = [...new Set(input.ThumbprintList.map((t) => t.toLowerCase()))];
  checkThumbprints(thumbprints);
  await ctx.store.transaction(() => {
    const p = requireOidcProvider(ctx, input.OpenIDConnectProviderArn);
    ctx.store.oidc.put({ ...p, thumbprints });
  });
  return {};
}
