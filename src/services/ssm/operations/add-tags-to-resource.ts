import { SsmErrors } from '../domain/errors.js';
import type { AddTagsToResourceRequest, AddTagsToResourceResult } from '../generated/types.js';
import { scopeOf, taggedParameter, type Ctx } from '../lookup.js';

/** A resource has at most 50 tags. */
const MAX_TAGS = 50;

/**
 * Adds tags to a parameter, replacing the value of keys it already has.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_AddTagsToResource.html
 */
export async function addTagsToResource(input: AddTagsToResourceRequest, ctx: Ctx): Promise<AddTagsToResourceResult> {
  const scope = scopeOf(ctx);
  return ctx.store.transaction(() => {
    const key = taggedParameter(ctx, input.ResourceType, input.ResourceId);
    const keys = new Set(ctx.store.tags(scope, key).map((t) => t.Key));
    for (const t of input.Tags) keys.add(t.Key);
    if (keys.size > MAX_TAGS) throw SsmErrors.tooManyTags();
    for (const t of input.Tags) ctx.store.putTag(scope, key, t.Key, t.Value);
    return {};
  });
}
