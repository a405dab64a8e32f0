/**
 * IAM tags: at most 50 per resource; keys are unique case-insensitively ("Duplicate tag keys
 * found. Please note that Tag keys are case insensitive."), so tagging `Team` when `team` exists
 * replaces it. Characters and lengths are checked from the model.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html
 */
import type { Tag } from '../generated/types.js';
import { IamErrors } from './errors.js';

export const MAX_TAGS = 50;

/** Refuses a request naming the same key twice. */
export function checkRequestTags(tags: readonly Tag[] | undefined): void {
  if (!tags) return;
  const seen = new Set<string>();
  for (const t of tags) {
    const k = t.Key.toLowerCase();
    if (seen.has(k)) throw IamErrors.duplicateTagKeys();
    seen.add(k);
  }
}

/** The tags after adding `added` to `existing`, refusing more than 50. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  checkRequestTags(added);
  const out = [...existing];
  for (const t of added) {
    const i = out.findIndex((e) => e.Key.toLowerCase() === t.Key.toLowerCase());
    if (i === -1) out.push({ Key: t.Key, Value: t.Value });
    else out[i] = { Key: t.Key, Value: t.Value };
  }
  if (out.length > MAX_TAGS) throw IamErrors.tooManyTags();
  return out;
}

export function tagMap(tags: readonly Tag[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags) out[t.Key] = t.Value;
  return out;
}
