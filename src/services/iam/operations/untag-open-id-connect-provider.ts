import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { UntagOpenIDConnectProviderRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { removeTags } from '../tagging.js';
import { requireOidcProvider } from './oidc-lookup.js';

export async function untagOpenIDConnectProvider(input: UntagOpenIDConnectProviderRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => removeTags(ctx, requireOidcProvider(ctx, input.OpenIDConnectProviderArn).arn, input.TagKeys));
  return {};
}
