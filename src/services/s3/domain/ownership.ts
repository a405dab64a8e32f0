/**
 * Object Ownership: who owns objects written to the bucket, and whether ACLs apply.
 * BucketOwnerEnforced (what new buckets get) disables ACLs; BucketOwnerPreferred and ObjectWriter
 * keep them. A bucket with no ownership controls behaves as ObjectWriter, as buckets did before
 * the setting existed.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
 */
import type { ObjectOwnership, OwnershipControls } from '../generated/types.js';
import { S3Errors } from './errors.js';

const VALUES: ReadonlySet<string> = new Set(['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter']);

/** What CreateBucket stores for a new bucket (AWS's default since April 2023). */
export function defaultOwnershipControls(): OwnershipControls {
  return { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] };
}

/** Checks PutBucketOwnershipControls' body: exactly one rule with a known setting. */
export function validateOwnershipControls(controls: OwnershipControls | undefined): OwnershipControls {
  const rules = controls?.Rules;
  if (!rules || rules.length !== 1 || !VALUES.has(rules[0]!.ObjectOwnership)) throw S3Errors.malformedXml();
  return { Rules: [{ ObjectOwnership: rules[0]!.ObjectOwnership }] };
}

/** The setting in force for a stored document (none stored: ObjectWriter). */
export function objectOwnership(stored: OwnershipControls | undefined): ObjectOwnership {
  return stored?.Rules[0]?.ObjectOwnership ?? 'ObjectWriter';
}

/** True when the bucket's ACLs are disabled (BucketOwnerEnforced). */
export function aclsDisabled(stored: OwnershipControls | undefined): boolean {
  return objectOwnership(stored) === 'BucketOwnerEnforced';
}
