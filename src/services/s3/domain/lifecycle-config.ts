/**
 * What PutBucketLifecycleConfiguration accepts. Structural problems are MalformedXML (the schema:
 * 1–1000 rules, a Status of Enabled or Disabled, exactly one of Prefix and Filter, a Filter with at
 * most one predicate, an Expiration with exactly one of Days, Date and ExpiredObjectDeleteMarker,
 * a Transition with exactly one of Days and Date and a known storage class); value problems are
 * InvalidArgument or InvalidRequest with AWS's messages. A rule without an ID gets one, as AWS
 * generates one.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLifecycleConfiguration.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html
 */
import type {
  BucketLifecycleConfiguration,
  LifecycleExpiration,
  LifecycleRule,
  LifecycleRuleFilter,
  NoncurrentVersionExpiration,
  NoncurrentVersionTransition,
  Transition,
  TransitionDefaultMinimumObjectSize,
} from '../generated/types.js';
import { S3Errors } from './errors.js';

export const MAX_LIFECYCLE_RULES = 1000;
const STORAGE_CLASSES: ReadonlySet<string> = new Set(['GLACIER', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'DEEP_ARCHIVE', 'GLACIER_IR']);
/** Storage classes objects must stay 30 days in STANDARD before moving to. */
const THIRTY_DAY_CLASSES: ReadonlySet<string> = new Set(['STANDARD_IA', 'ONEZONE_IA']);
const MINIMUM_SIZES: ReadonlySet<string> = new Set(['varies_by_storage_class', 'all_storage_classes_128K']);

/** What applies when a request does not say (AWS's default since September 2024). */
export const DEFAULT_TRANSITION_MINIMUM_SIZE: TransitionDefaultMinimumObjectSize = 'all_storage_classes_128K';

/** What is stored for a bucket: the rules and the transition minimum object size. */
export interface StoredLifecycle {
  Rules: LifecycleRule[];
  TransitionDefaultMinimumObjectSize: TransitionDefaultMinimumObjectSize;
}

const malformed = () => S3Errors.malformedXml();
const invalidArgument = (message: string) => S3Errors.invalidArgument(message);

function defined(...values: unknown[]): number {
  return values.filter((v) => v !== undefined).length;
}

function isMidnightUtc(d: Date): boolean {
  return d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
}

function isInteger(v: number | undefined): v is number {
  return v !== undefined && Number.isInteger(v);
}

export function validateTransitionMinimumSize(value: string | undefined): TransitionDefaultMinimumObjectSize {
  if (value === undefined) return DEFAULT_TRANSITION_MINIMUM_SIZE;
  if (!MINIMUM_SIZES.has(value)) throw S3Errors.invalidArgument('Invalid value for x-amz-transition-default-minimum-object-size', 'x-amz-transition-default-minimum-object-size', value);
  return value as TransitionDefaultMinimumObjectSize;
}

/** Validates the configuration; `newId` names rules that came without an ID. */
export function validateLifecycleConfiguration(config: BucketLifecycleConfiguration | undefined, newId: () => string): LifecycleRule[] {
  const rules = config?.Rules;
  if (!rules || rules.length === 0 || rules.length > MAX_LIFECYCLE_RULES) throw malformed();
  const out = rules.map((r) => validateRule(r, newId));
  const ids = new Set<string>();
  for (const r of out) {
    if (ids.has(r.ID!)) throw invalidArgument('Rule ID must be unique. Found same ID for more than one rule');
    ids.add(r.ID!);
  }
  return out;
}

function validateRule(rule: LifecycleRule, newId: () => string): LifecycleRule {
  if (rule.Status !== 'Enabled' && rule.Status !== 'Disabled') throw malformed();
  if (rule.ID !== undefined && rule.ID.length > 255) throw invalidArgument('ID length should not exceed allowed limit of 255');
  if (defined(rule.Prefix, rule.Filter) !== 1) throw malformed();
  const filter = rule.Filter === undefined ? undefined : validateFilter(rule.Filter);
  const hasTags = filter !== undefined && (filter.Tag !== undefined || (filter.And?.Tags?.length ?? 0) > 0);
  const out: LifecycleRule = { ID: rule.ID === undefined || rule.ID === '' ? newId() : rule.ID, Status: rule.Status };
  if (rule.Prefix !== undefined) out.Prefix = rule.Prefix;
  if (filter !== undefined) out.Filter = filter;
  if (rule.Expiration !== undefined) out.Expiration = validateExpiration(rule.Expiration);
  if (rule.Transitions?.length) out.Transitions = rule.Transitions.map(validateTransition);
  if (rule.NoncurrentVersionExpiration !== undefined) out.NoncurrentVersionExpiration = validateNoncurrentExpiration(rule.NoncurrentVersionExpiration);
  if (rule.NoncurrentVersionTransitions?.length) out.NoncurrentVersionTransitions = rule.NoncurrentVersionTransitions.map(validateNoncurrentTransition);
  if (rule.AbortIncompleteMultipartUpload !== undefined) {
    const days = rule.AbortIncompleteMultipartUpload.DaysAfterInitiation;
    if (!isInteger(days) || days < 1) throw invalidArgument("'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer");
    // Uploads have no tags to filter on.
    if (hasTags) throw S3Errors.invalidRequest('AbortIncompleteMultipartUpload cannot be specified with Tags.');
    out.AbortIncompleteMultipartUpload = { DaysAfterInitiation: days };
  }
  if (defined(out.Expiration, out.Transitions, out.NoncurrentVersionExpiration, out.NoncurrentVersionTransitions, out.AbortIncompleteMultipartUpload) === 0) {
    throw S3Errors.invalidRequest('At least one action needs to be specified in a rule');
  }
  return out;
}

function validateFilter(filter: LifecycleRuleFilter): LifecycleRuleFilter {
  // An empty Filter, or an empty Prefix, applies the rule to every object.
  if (defined(filter.Prefix, filter.Tag, filter.ObjectSizeGreaterThan, filter.ObjectSizeLessThan, filter.And) > 1) throw malformed();
  if (filter.Tag !== undefined && !filter.Tag.Key) throw malformed();
  const and = filter.And;
  if (and !== undefined) {
    if ((and.Tags ?? []).some((t) => !t.Key)) throw malformed();
    checkSizes(and.ObjectSizeGreaterThan, and.ObjectSizeLessThan);
  }
  checkSizes(filter.ObjectSizeGreaterThan, filter.ObjectSizeLessThan);
  return filter;
}

function checkSizes(greaterThan: number | undefined, lessThan: number | undefined): void {
  if (greaterThan !== undefined && greaterThan < 0) throw invalidArgument("'ObjectSizeGreaterThan' should be a non-negative integer");
  if (lessThan !== undefined && lessThan <= 0) throw invalidArgument("'ObjectSizeLessThan' must be a positive integer");
  if (greaterThan !== undefined && lessThan !== undefined && greaterThan >= lessThan) {
    throw invalidArgument('ObjectSizeGreaterThan must be less than ObjectSizeLessThan');
  }
}

function validateExpiration(e: LifecycleExpiration): LifecycleExpiration {
  const count = defined(e.Days, e.Date, e.ExpiredObjectDeleteMarker);
  if (count === 0) throw malformed();
  if (e.ExpiredObjectDeleteMarker !== undefined && count > 1) {
    throw invalidArgument('ExpiredObjectDeleteMarker cannot be specified with Days or Date in a Lifecycle Expiration Policy');
  }
  if (count > 1) throw malformed();
  if (e.Days !== undefined && (!isInteger(e.Days) || e.Days < 1)) throw invalidArgument("'Days' for Expiration action must be a positive integer");
  if (e.Date !== undefined && !isMidnightUtc(e.Date)) throw invalidArgument("'Date' must be at midnight GMT");
  return e;
}

function validateTransition(t: Transition): Transition {
  if (defined(t.Days, t.Date) !== 1 || !t.StorageClass || !STORAGE_CLASSES.has(t.StorageClass)) throw malformed();
  if (t.Days !== undefined) {
    if (!isInteger(t.Days) || t.Days < 0) throw invalidArgument("'Days' for Transition action must be a positive integer");
    if (THIRTY_DAY_CLASSES.has(t.StorageClass) && t.Days < 30) {
      throw invalidArgument(`'Days' in Transition action must be greater than or equal to 30 for storageClass '${t.StorageClass}'`);
    }
  }
  if (t.Date !== undefined && !isMidnightUtc(t.Date)) throw invalidArgument("'Date' must be at midnight GMT");
  return t;
}

function validateNoncurrentExpiration(e: NoncurrentVersionExpiration): NoncurrentVersionExpiration {
  if (!isInteger(e.NoncurrentDays) || e.NoncurrentDays < 1) throw invalidArgument("'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer");
  checkNewerVersions(e.NewerNoncurrentVersions, 'NoncurrentVersionExpiration');
  return e;
}

function validateNoncurrentTransition(t: NoncurrentVersionTransition): NoncurrentVersionTransition {
  if (!t.StorageClass || !STORAGE_CLASSES.has(t.StorageClass) || t.NoncurrentDays === undefined) throw malformed();
  if (!isInteger(t.NoncurrentDays) || t.NoncurrentDays < 0) throw invalidArgument("'NoncurrentDays' for NoncurrentVersionTransition action must be a positive integer");
  if (THIRTY_DAY_CLASSES.has(t.StorageClass) && t.NoncurrentDays < 30) {
    throw invalidArgument(`'NoncurrentDays' in NoncurrentVersionTransition action must be greater than or equal to 30 for storageClass '${t.StorageClass}'`);
  }
  checkNewerVersions(t.NewerNoncurrentVersions, 'NoncurrentVersionTransition');
  return t;
}

function checkNewerVersions(n: number | undefined, action: string): void {
  if (n !== undefined && (!isInteger(n) || n < 1 || n > 100)) {
    throw invalidArgument(`'NewerNoncurrentVersions' for ${action} action must be an integer between 1 and 100`);
  }
}

/**
 * The stored document as handlers and the sweep use it: configuration documents are JSON, so
 * the Expiration and Transition dates come back as strings and are turned into Dates here.
 */
export function reviveLifecycle(stored: StoredLifecycle): StoredLifecycle {
  const date = (d: Date | string | undefined) => (d === undefined ? undefined : new Date(d));
  return {
    ...stored,
    Rules: stored.Rules.map((r) => ({
      ...r,
      Expiration: r.Expiration && { ...r.Expiration, Date: date(r.Expiration.Date) },
      Transitions: r.Transitions?.map((t) => ({ ...t, Date: date(t.Date) })),
    })),
  };
}
