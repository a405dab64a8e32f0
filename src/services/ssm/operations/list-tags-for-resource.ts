import type { ListTagsForResourceRequest, ListTagsForResourceResult } from '../generated/types.js';
import { scopeOf, taggedParameter, type Ctx } from '../lookup.js';

/**
 * A parameter's tags, by key. https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_ListTagsForResource.html
 */
export function listTagsForResource(input: ListTagsForResourceRequest, ctx: Ctx): ListTagsForResourceResult {
  const key = taggedParameter(ctx, input.ResourceType, input.ResourceId);
  return { TagList: ctx.store.tags(scopeOf(ctx), key) };
}
