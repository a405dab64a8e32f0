import type { EmptyOutput } from '../../../protocol/handler-types.js';
import type { TagOpenIDConnectProviderRequest } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { addTags } from '../tagging.js';
import { requireOidcProvider } from './oidc-lookup.js';

export async function tagOpenIDConnectProvider(input: TagOpenIDConnectProviderRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => addTags(ctx, requireOidcProvider(ctx, input.OpenIDConnectProviderArn).arn, input.Tags));
  return {};
}
