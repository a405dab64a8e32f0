import type { RemoveTagsFromResourceRequest, RemoveTagsFromResourceResult } from '../generated/types.js';
import { scopeOf, taggedParameter, type Ctx } from '../lookup.js';

/**
 * Removes tag keys from a parameter (keys it does not have are ignored).
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_RemoveTagsFromResource.html
 */
export async function removeTagsFromResource(input: RemoveTagsFromResourceRequest, ctx: Ctx): Promise<RemoveTagsFromResourceResult> {
  const scope = scopeOf(ctx);
  return ctx.store.transaction(() => {
    const key = taggedParameter(ctx, input.ResourceType, input.ResourceId);
    for (const tagKey of input.TagKeys) ctx.store.removeTag(scope, key, tagKey);
    return {};
  });
}
