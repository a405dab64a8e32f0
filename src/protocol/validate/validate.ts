/**
 * Input validation from the model's constraints, with the wording of AWS's (Coral) validator:
 *   `2 validation errors detected: Value null at 'name' failed to satisfy constraint: Member must
 *    not be null; Value 'x' at 'type' failed to satisfy constraint: Member must satisfy enum value
 *    set: [String, StringList, SecureString]`
 * Paths use lower-camel member names, list items are `<path>.<n>.member` (1-based).
 * Lengths are UTF-16 code units, as Java counts them; sensitive values are not echoed.
 */
import type { Readable } from 'node:stream';
import type { Member, Shape } from '../model/shapes.js';
import { FLOAT_TYPES, INTEGER_TYPES } from '../codecs/scalars.js';

export interface Violation {
  path: string;
  /** The value as the message shows it: `'text'`, `5`, `null`, or undefined when sensitive. */
  shown: string | undefined;
  constraint: string;
}

export interface ValidateOptions {
  /** Whether enum values are checked (most JSON and query services do; EC2 and S3 do not). */
  enums: boolean;
  /** Whether numbers are shown quoted (`Value '0' at …`), as DynamoDB's validator shows them. */
  quoteNumbers?: boolean;
}

const patterns = new WeakMap<Shape, RegExp | null>();

/**
 * The model's Java regex as a JS RegExp. AWS's validator matches the whole value (Java's
 * `String.matches`), so the pattern is anchored: IAM rejects the user name `a b` for `[\w+=,.@-]+`.
 * Java's inline `(?i)` becomes the `i` flag.
 */
function patternOf(shape: Shape): RegExp | null {
  let re = patterns.get(shape);
  if (re === undefined) {
    let src = shape.pattern!;
    let flags = 'u';
    if (src.startsWith('(?i)')) {
      src = src.slice(4);
      flags += 'i';
    }
    src = `^(?:${src})$`;
    try {
      re = new RegExp(src, flags);
    } catch {
      try {
        re = new RegExp(src, flags.replace('u', ''));
      } catch {
        re = null;
      }
    }
    patterns.set(shape, re);
  }
  return re;
}

function show(v: unknown, sensitive: boolean): string | undefined {
  if (sensitive) return undefined;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Buffer.isBuffer(v)) return `'java.nio.HeapByteBuffer[pos=0 lim=${v.length} cap=${v.length}]'`;
  if (Array.isArray(v)) return `'[${v.map((e) => (typeof e === 'object' ? JSON.stringify(e) : String(e))).join(', ')}]'`;
  return `'${JSON.stringify(v)}'`;
}

function lowerFirst(s: string): string {
  return s ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function isStream(v: unknown): v is Readable {
  return typeof v === 'object' && v !== null && typeof (v as Readable).pipe === 'function';
}

function lengthOf(shape: Shape, v: unknown): number | undefined {
  if (shape.type === 'string' && typeof v === 'string') return v.length;
  if (shape.type === 'blob' && Buffer.isBuffer(v)) return v.length;
  if (shape.type === 'list' && Array.isArray(v)) return v.length;
  if (shape.type === 'map' && v && typeof v === 'object') return Object.keys(v).length;
  return undefined;
}

/**
 * The path of a value, built only when a violation needs it: most requests break nothing, and
 * building `parameterFilters.1.member.key` for every member of every request cost measurable CPU.
 */
type LazyPath = () => string;

/** Coral names members lower-camel in paths (`sAMLOptions`); computed once per member. */
const pathNames = new WeakMap<Member, string>();
function pathName(m: Member): string {
  let n = pathNames.get(m);
  if (n === undefined) pathNames.set(m, (n = lowerFirst(m.name)));
  return n;
}

function pathOf(parent: LazyPath | undefined, segment: string): string {
  return parent ? `${parent()}.${segment}` : segment;
}

/**
 * Whether anything in a shape's subtree can fail validation (a length, range, pattern, enum or
 * required member). Most of a request's values are not: DynamoDB's AttributeValue tree has no
 * constraint at all, and walking its ten union members for every attribute of every item was most
 * of the validator's time. Shapes are recursive (AttributeValue → M → AttributeValue), so the
 * answer is a fixed point over every shape reachable from the one asked about, computed once.
 */
const constrained = new WeakMap<Shape, boolean>();

function children(shape: Shape): Shape[] {
  if (shape.type === 'structure') return shape.document ? [] : shape.members.map((m) => m.shape);
  if (shape.type === 'list') return [shape.member!.shape];
  if (shape.type === 'map') return [shape.key!.shape, shape.value!.shape];
  return [];
}

function ownConstraint(shape: Shape): boolean {
  if (shape.min !== undefined || shape.max !== undefined || shape.pattern !== undefined || shape.enum !== undefined) return true;
  return shape.type === 'structure' && !shape.document && shape.members.some((m) => m.required);
}

function isConstrained(shape: Shape): boolean {
  const known = constrained.get(shape);
  if (known !== undefined) return known;
  const reachable: Shape[] = [];
  const seen = new Set<Shape>();
  const visit = (s: Shape) => {
    if (seen.has(s) || constrained.has(s)) return;
    seen.add(s);
    reachable.push(s);
    for (const c of children(s)) visit(c);
  };
  visit(shape);
  const result = new Map(reachable.map((s) => [s, ownConstraint(s)]));
  const value = (s: Shape) => result.get(s) ?? constrained.get(s)!;
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of reachable) {
      if (!result.get(s) && children(s).some(value)) {
        result.set(s, true);
        changed = true;
      }
    }
  }
  for (const [s, c] of result) constrained.set(s, c);
  return result.get(shape)!;
}

/** A structure's members worth visiting: required ones, and those with a constraint beneath. */
const checkedMembers = new WeakMap<Shape, Member[]>();
function membersToCheck(shape: Shape): Member[] {
  let members = checkedMembers.get(shape);
  if (!members) checkedMembers.set(shape, (members = shape.members.filter((m) => m.required || isConstrained(m.shape))));
  return members;
}

function check(shape: Shape, v: unknown, parent: LazyPath | undefined, segment: string, out: Violation[], opts: ValidateOptions, sensitive: boolean): void {
  if (v === undefined || v === null || !isConstrained(shape) || isStream(v)) return;
  const hidden = sensitive || shape.sensitive;
  const len = lengthOf(shape, v);
  if (len !== undefined) {
    if (shape.min !== undefined && len < shape.min) report(out, parent, segment, v, hidden, `Member must have length greater than or equal to ${shape.min}`);
    if (shape.max !== undefined && len > shape.max) report(out, parent, segment, v, hidden, `Member must have length less than or equal to ${shape.max}`);
  }
  if ((INTEGER_TYPES.has(shape.type) || FLOAT_TYPES.has(shape.type)) && typeof v === 'number') {
    const shown = opts.quoteNumbers ? String(v) : v;
    if (shape.min !== undefined && v < shape.min) report(out, parent, segment, shown, hidden, `Member must have value greater than or equal to ${shape.min}`);
    if (shape.max !== undefined && v > shape.max) report(out, parent, segment, shown, hidden, `Member must have value less than or equal to ${shape.max}`);
  }
  if (shape.type === 'string' && typeof v === 'string') {
    if (shape.pattern) {
      const re = patternOf(shape);
      if (re && !re.test(v)) report(out, parent, segment, v, hidden, `Member must satisfy regular expression pattern: ${shape.pattern}`);
    }
    if (opts.enums && shape.enum && !shape.enum.includes(v)) report(out, parent, segment, v, hidden, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
  }
  if (shape.type !== 'structure' && shape.type !== 'list' && shape.type !== 'map') return;
  const path: LazyPath = () => pathOf(parent, segment);
  switch (shape.type) {
    case 'structure':
      if (!shape.document) checkMembers(shape, v as Record<string, unknown>, path, out, opts, hidden);
      break;
    case 'list':
      (v as unknown[]).forEach((e, i) => check(shape.member!.shape, e, path, `${i + 1}.member`, out, opts, hidden));
      break;
    default:
      for (const [k, e] of Object.entries(v as Record<string, unknown>)) {
        check(shape.key!.shape, k, path, `${k}.key`, out, opts, hidden);
        check(shape.value!.shape, e, path, `${k}.member`, out, opts, hidden);
      }
  }
}

function report(out: Violation[], parent: LazyPath | undefined, segment: string, v: unknown, hidden: boolean, constraint: string): void {
  out.push({ path: pathOf(parent, segment), shown: show(v, hidden), constraint });
}

function checkMembers(shape: Shape, v: Record<string, unknown>, path: LazyPath | undefined, out: Violation[], opts: ValidateOptions, sensitive: boolean): void {
  for (const m of membersToCheck(shape)) {
    const value = v[m.name];
    if (value === undefined || value === null) {
      if (m.required) out.push({ path: pathOf(path, pathName(m)), shown: 'null', constraint: 'Member must not be null' });
      continue;
    }
    check(m.shape, value, path, pathName(m), out, opts, sensitive);
  }
}

/** Every constraint the input breaks, in model order. */
export function validateInput(shape: Shape | undefined, input: Record<string, unknown>, opts: ValidateOptions): Violation[] {
  const out: Violation[] = [];
  if (shape) checkMembers(shape, input, undefined, out, opts, false);
  return out;
}

/** Coral's message for a list of violations. */
export function validationMessage(violations: Violation[]): string {
  const n = violations.length;
  const parts = violations.map((v) => `Value${v.shown === undefined ? '' : ` ${v.shown}`} at '${v.path}' failed to satisfy constraint: ${v.constraint}`);
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${parts.join('; ')}`;
}

/** The required members that are missing (for protocols that report only those, like EC2). */
export function missingRequired(shape: Shape | undefined, input: Record<string, unknown>): Member[] {
  return shape ? shape.members.filter((m) => m.required && (input[m.name] === undefined || input[m.name] === null)) : [];
}
