/**
 * Object tags from the `x-amz-tagging` header (URL query form: `k1=v1&k2=v2`), checked with
 * S3's tag rules (domain/tagging.ts) and the object limit of 10 tags.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html
 */
import type { Tag } from '../generated/types.js';
import { CoreErrors } from './errors-core.js';
import { validateTagSet } from './tagging.js';

export const MAX_OBJECT_TAGS = 10;

export function parseTaggingHeader(header: string): Tag[] {
  const tags: Tag[] = [];
  if (header === '') return tags;
  for (const [Key, Value] of new URLSearchParams(header)) tags.push({ Key, Value });
  return checkObjectTags(tags);
}

export function checkObjectTags(tags: readonly Tag[]): Tag[] {
  return validateTagSet(tags, MAX_OBJECT_TAGS, () => CoreErrors.badRequest('Object tags cannot be greater than 10'));
}

/** Tags in the `x-amz-tagging` form. */
export function formatTagging(tags: readonly Tag[]): string {
  return new URLSearchParams(tags.map((t): [string, string] => [t.Key, t.Value])).toString();
}
