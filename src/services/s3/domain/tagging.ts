/**
 * S3's tag rules, shared by bucket tagging and (via `validateTagSet`) object tagging:
 * at most `limit` tags; keys of 1–128 and values of 0–256 Unicode characters from letters,
 * digits, spaces and `+ - = . _ : / @`; no key twice; `aws:` reserved. The first problem found,
 * in tag order, is the one reported, as AWS does.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/CostAllocTagging.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketTagging.html
 */
import { S3Errors } from './errors.js';
import type { ServiceError } from '../../../shared/errors.js';
import type { Tag } from '../generated/types.js';
import { ConfigErrors } from './errors-config.js';

export const MAX_BUCKET_TAGS = 50;

const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}+\-=._:/@]*$/u;

/** Length in Unicode characters, as AWS counts it. */
function length(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The error for one tag, or undefined when it is acceptable. */
export function tagProblem(tag: Tag): ServiceError | undefined {
  const key = tag.Key ?? '';
  const value = tag.Value ?? '';
  if (length(key) < 1 || length(key) > 128 || !TAG_CHARACTERS.test(key)) return ConfigErrors.invalidTagKey(key);
  if (length(value) > 256 || !TAG_CHARACTERS.test(value)) return ConfigErrors.invalidTagValue(key, value);
  if (key.startsWith('aws:')) return ConfigErrors.systemTag();
  if (key.toLowerCase().startsWith('aws:')) return ConfigErrors.reservedTagPrefix();
  return undefined;
}

/**
 * Checks a whole tag set and returns it normalized (every tag with a Value, possibly empty).
 * `tooMany` builds the count error (buckets and objects word it differently).
 */
export function validateTagSet(tags: readonly Tag[], limit: number, tooMany: () => ServiceError): Tag[] {
  if (tags.length > limit) throw tooMany();
  const seen = new Set<string>();
  const out: Tag[] = [];
  for (const tag of tags) {
    const problem = tagProblem(tag);
    if (problem) throw problem;
    if (seen.has(tag.Key)) throw ConfigErrors.duplicateTagKey(tag.Key);
    seen.add(tag.Key);
    // S3's schema requires <Value> (it may be empty): a Tag without one is MalformedXML.
    if (tag.Value === undefined || tag.Value === null) throw S3Errors.malformedXml();
    out.push({ Key: tag.Key, Value: tag.Value });
  }
  return out;
}

export function validateBucketTagSet(tags: readonly Tag[]): Tag[] {
  return validateTagSet(tags, MAX_BUCKET_TAGS, () => ConfigErrors.tooManyBucketTags(MAX_BUCKET_TAGS));
}
