/**
 * Whether a lifecycle transition may move an object version to another storage class.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html
 *
 * - Transitions only go down S3's waterfall: STANDARD (and REDUCED_REDUNDANCY) → STANDARD_IA →
 *   INTELLIGENT_TIERING → ONEZONE_IA → GLACIER_IR → GLACIER → DEEP_ARCHIVE; never back up, and
 *   never to the class the object is already in.
 * - Small objects: with the bucket's `all_storage_classes_128K` (the default since September
 *   2024) objects under 128 KiB do not transition at all; with `varies_by_storage_class` they
 *   may go to GLACIER and DEEP_ARCHIVE only. A rule whose filter names an object size
 *   (ObjectSizeGreaterThan / ObjectSizeLessThan) overrides that minimum.
 */
import type { LifecycleRule, TransitionDefaultMinimumObjectSize } from '../generated/types.js';

const SMALL_OBJECT_BYTES = 128 * 1024;

const WATERFALL: Readonly<Record<string, number>> = {
  STANDARD: 0,
  REDUCED_REDUNDANCY: 0,
  STANDARD_IA: 1,
  INTELLIGENT_TIERING: 2,
  ONEZONE_IA: 3,
  GLACIER_IR: 4,
  GLACIER: 5,
  DEEP_ARCHIVE: 6,
};

function hasSizeFilter(rule: LifecycleRule): boolean {
  const f = rule.Filter;
  if (!f) return false;
  return f.ObjectSizeGreaterThan !== undefined || f.ObjectSizeLessThan !== undefined || f.And?.ObjectSizeGreaterThan !== undefined || f.And?.ObjectSizeLessThan !== undefined;
}

export function transitionAllowed(
  from: string,
  to: string,
  size: number,
  rule: LifecycleRule | undefined,
  minimumSize: TransitionDefaultMinimumObjectSize | undefined,
): boolean {
  const a = WATERFALL[from];
  const b = WATERFALL[to];
  if (a === undefined || b === undefined || b <= a) return false;
  if (size >= SMALL_OBJECT_BYTES || (rule && hasSizeFilter(rule))) return true;
  return minimumSize === 'varies_by_storage_class' && (to === 'GLACIER' || to === 'DEEP_ARCHIVE');
}
