/**
 * POST policies: the base64 JSON document that says what an HTML form upload may contain, its
 * parsing (S3's InvalidPolicyDocument messages) and its evaluation against the form's fields
 * (AccessDenied "Invalid according to Policy: …").
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 *
 * As S3 applies it:
 * - `expiration` (ISO 8601, UTC) and `conditions` (a list) are required; other members are refused.
 * - Conditions: `{"field": "value"}` and `["eq", "$field", "value"]` (exact), `["starts-with",
 *   "$field", "prefix"]` (`""` matches any value, but the field must be present; a Content-Type
 *   holding a comma-separated list passes only if every item starts with the prefix), and
 *   `["content-length-range", min, max]` (inclusive bounds on the file's size, checked as it
 *   streams). Field names compare case-insensitively, values case-sensitively; a reference without
 *   its `$` never matches. The `bucket` condition tests the bucket the form was posted to.
 * - Every form field except `x-amz-signature`, `file`, `policy`, `x-ignore-*` (and SigV2's
 *   `AWSAccessKeyId` and `signature`) must be covered by a condition ("Extra input fields").
 * - A failed condition is reported as S3 prints it: simple conditions as `["eq", "$name", "value"]`,
 *   the field as the policy spelled it.
 * Messages S3 is not known to print (a few malformed-policy cases) are marked in README.md.
 */
import { ServiceError } from '../../../shared/errors.js';

export type PolicyCondition =
  | { readonly kind: 'eq' | 'starts-with'; readonly field: string | undefined; readonly value: string; readonly text: string }
  | { readonly kind: 'content-length-range'; readonly range: LengthRange | undefined; readonly text: string };

export interface LengthRange {
  readonly min: number;
  readonly max: number;
}

export interface PostPolicy {
  readonly expiration: Date;
  readonly conditions: readonly PolicyCondition[];
}

function invalidPolicy(message: string): ServiceError {
  return new ServiceError('InvalidPolicyDocument', `Invalid Policy: ${message}`, { statusCode: 400 });
}

function notAllowed(message: string): ServiceError {
  return new ServiceError('AccessDenied', `Invalid according to Policy: ${message}`, { statusCode: 403 });
}

export const PostPolicyErrors = {
  invalidJson: () => invalidPolicy('Invalid JSON.'),
  expired: () => notAllowed('Policy expired.'),
  conditionFailed: (condition: PolicyCondition) => notAllowed(`Policy Condition failed: ${condition.text}`),
  extraField: (name: string) => notAllowed(`Extra input fields: ${name}`),
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
// AWS's own examples carry milliseconds (`2015-12-30T12:00:00.000Z`); the SDKs send whole seconds.
const EXPIRATION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** Decodes and checks a policy (the `policy` form field as sent). */
export function parsePostPolicy(base64: string): PostPolicy {
  const compact = base64.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw invalidPolicy('invalid Base64 encoding.');
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(compact, 'base64').toString('utf8'));
  } catch {
    throw PostPolicyErrors.invalidJson();
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw PostPolicyErrors.invalidJson();
  const members = doc as Record<string, unknown>;
  for (const name of Object.keys(members)) {
    if (name !== 'expiration' && name !== 'conditions') throw invalidPolicy(`Unexpected: '${name.toLowerCase()}'`);
  }
  if (members.expiration === undefined) throw invalidPolicy('Policy missing expiration.');
  if (members.conditions === undefined) throw invalidPolicy('Policy missing conditions.');
  const expiration = members.expiration;
  if (typeof expiration !== 'string' || !EXPIRATION.test(expiration) || Number.isNaN(Date.parse(expiration))) {
    throw invalidPolicy(`Invalid 'expiration' value: '${String(expiration)}'`);
  }
  if (!Array.isArray(members.conditions)) throw invalidPolicy("Invalid 'conditions' value: must be a List.");
  return { expiration: new Date(expiration), conditions: members.conditions.map(parseCondition) };
}

/** `$key` → `key` (lower-cased); a name without its `$` refers to no field. */
function fieldRef(ref: string): string | undefined {
  return ref.startsWith('$') ? ref.slice(1).toLowerCase() : undefined;
}

/** S3 prints conditions as JSON arrays with `", "` between items. */
function printed(items: readonly unknown[]): string {
  return `[${items.map((i) => JSON.stringify(i)).join(', ')}]`;
}

function parseCondition(raw: unknown): PolicyCondition {
  if (Array.isArray(raw)) return parseListCondition(raw);
  if (typeof raw === 'object' && raw !== null) {
    const entries = Object.entries(raw);
    if (entries.length !== 1) throw invalidPolicy('Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.');
    const [name, value] = entries[0]!;
    if (value === null) throw PostPolicyErrors.invalidJson();
    if (typeof value !== 'string') throw invalidPolicy('Invalid Simple-Condition: value must be a string.');
    return { kind: 'eq', field: name.toLowerCase(), value, text: printed(['eq', `$${name}`, value]) };
  }
  throw invalidPolicy('Invalid condition test: must be a List or Object.');
}

function parseListCondition(raw: readonly unknown[]): PolicyCondition {
  if (raw.length === 0) throw invalidPolicy('Invalid Condition: missing operation identifier.');
  const [op, a, b] = raw;
  if (typeof op !== 'string') throw PostPolicyErrors.invalidJson();
  const kind = op.toLowerCase();
  if (kind === 'eq' || kind === 'starts-with') {
    if (raw.length !== 3) throw invalidPolicy(`Invalid ${op}: wrong number of arguments.`);
    if (typeof a !== 'string' || typeof b !== 'string') throw PostPolicyErrors.invalidJson();
    return { kind, field: fieldRef(a), value: b, text: printed(raw) };
  }
  if (kind === 'content-length-range') {
    if (raw.length !== 3) throw invalidPolicy(`Invalid ${op}: wrong number of arguments.`);
    // A fractional bound is refused as JSON S3 cannot read; a word fails the condition at upload time.
    if ((typeof a === 'number' && !Number.isInteger(a)) || (typeof b === 'number' && !Number.isInteger(b))) throw PostPolicyErrors.invalidJson();
    const min = lengthBound(a);
    const max = lengthBound(b);
    if ((min !== undefined && min < 0) || (max !== undefined && max < 0)) {
      throw invalidPolicy(`Invalid ${op}: the bounds must be non-negative integers.`);
    }
    return { kind, range: min === undefined || max === undefined ? undefined : { min, max }, text: printed(raw) };
  }
  throw invalidPolicy(`Invalid Condition: unknown operation '${op}'.`);
}

function lengthBound(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

/** The form as the policy sees it: fields by lower-cased name (with `${filename}` expanded). */
export interface PolicyForm {
  /** Lower-cased name → value. */
  readonly fields: ReadonlyMap<string, string>;
  /** Lower-cased name → the name as sent (for "Extra input fields"). */
  readonly names: ReadonlyMap<string, string>;
  /** The bucket the form was posted to. */
  readonly bucket: string;
}

/** Fields no condition needs to cover. */
export function isExemptField(name: string, signatureVersion: 2 | 4): boolean {
  if (name === 'file' || name === 'policy' || name.startsWith('x-ignore-')) return true;
  return signatureVersion === 4 ? name === 'x-amz-signature' : name === 'awsaccesskeyid' || name === 'signature';
}

function valueOf(form: PolicyForm, field: string): string | undefined {
  return field === 'bucket' ? form.bucket : form.fields.get(field);
}

function startsWith(field: string, value: string, prefix: string): boolean {
  // Content-Type alone may list several types; each must start with the prefix.
  if (field === 'content-type' && value.includes(',')) return value.split(',').every((v) => v.trim().startsWith(prefix));
  return value.startsWith(prefix);
}

/**
 * Checks the policy against the form (not the file's size: that is checked while the file streams,
 * against the range returned). Throws S3's AccessDenied for an expired policy, a failed condition
 * or a field no condition covers.
 */
export function checkPostPolicy(policy: PostPolicy, form: PolicyForm, now: Date, signatureVersion: 2 | 4): LengthRange | undefined {
  if (now.getTime() > policy.expiration.getTime()) throw PostPolicyErrors.expired();
  let range: LengthRange | undefined;
  const covered = new Set<string>();
  for (const c of policy.conditions) {
    if (c.kind === 'content-length-range') {
      if (!c.range) throw PostPolicyErrors.conditionFailed(c);
      range = range ? { min: Math.max(range.min, c.range.min), max: Math.min(range.max, c.range.max) } : c.range;
      continue;
    }
    if (c.field === undefined) throw PostPolicyErrors.conditionFailed(c);
    covered.add(c.field);
    const value = valueOf(form, c.field);
    const ok = value !== undefined && (c.kind === 'eq' ? value === c.value : startsWith(c.field, value, c.value));
    if (!ok) throw PostPolicyErrors.conditionFailed(c);
  }
  for (const name of form.fields.keys()) {
    if (!isExemptField(name, signatureVersion) && !covered.has(name)) throw PostPolicyErrors.extraField(form.names.get(name) ?? name);
  }
  return range;
}
