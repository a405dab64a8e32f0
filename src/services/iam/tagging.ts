/** Tag, untag and list-tags, shared by every taggable IAM resource (each keyed by its id in iam_tags). */
import { paginateByIndex } from './domain/pagination.js';
import { mergeTags } from './domain/tags.js';
import type { Tag } from './generated/types.js';
import type { Ctx } from './lookup.js';

/** Adds or replaces tags (inside the caller's transaction). */
export function addTags(ctx: Ctx, resourceId: string, tags: readonly Tag[]): void {
  ctx.store.tags.set(resourceId, mergeTags(ctx.store.tags.get(resourceId), tags));
}

/** Removes tags by key, case-insensitively; absent keys are ignored, as AWS ignores them. */
export function removeTags(ctx: Ctx, resourceId: string, keys: readonly string[]): void {
  const drop = new Set(keys.map((k) => k.toLowerCase()));
  ctx.store.tags.set(resourceId, ctx.store.tags.get(resourceId).filter((t) => !drop.has(t.Key.toLowerCase())));
}

export function listTags(ctx: Ctx, resourceId: string, marker: string | undefined, maxItems: number | undefined): { Tags: Tag[]; IsTruncated: boolean; Marker?: string } {
  const page = paginateByIndex(ctx.store.tags.get(resourceId), marker, maxItems);
  return { Tags: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
}
