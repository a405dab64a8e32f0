import type { ListOpenIDConnectProviderTagsRequest, ListOpenIDConnectProviderTagsResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { listTags } from '../tagging.js';
import { requireOidcProvider } from './oidc-lookup.js';

export function listOpenIDConnectProviderTags(input: ListOpenIDConnectProviderTagsRequest, ctx: Ctx): ListOpenIDConnectProviderTagsResponse {
  return listTags(ctx, requireOidcProvider(ctx, input.OpenIDConnectProviderArn).arn, input.Marker, input.MaxItems);
}
