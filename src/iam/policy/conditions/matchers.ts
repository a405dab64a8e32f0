/**
 * One matcher per condition operator family: does a context value match at least one of the
 * policy's values? Negation (StringNotEquals, NotIpAddress, ArnNotLike …) is applied by the caller,
 * so each family is written once, positively.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
import type { ConditionContext } from '../../types.js';
import { Pattern, arnMatch, globMatch, hasWildcard } from '../glob.js';
import { Template } from '../variables.js';
import { type Cidr, cidrContains, parseAddress, parseCidr } from './ip.js';
import { parseDate } from './dates.js';

export interface ValueMatcher {
  test(value: string, context: ConditionContext): boolean;
}

/** A policy value: literal text (in pattern form where wildcards apply) or a template with variables. */
type PolicyValue = string | Template;

function resolved(v: PolicyValue, context: ConditionContext): string | undefined {
  return typeof v === 'string' ? v : v.resolve(context);
}

class StringEquals implements ValueMatcher {
  private readonly single: string | undefined;
  private readonly set: ReadonlySet<string> | undefined;
  constructor(private readonly values: readonly PolicyValue[], private readonly ignoreCase: boolean) {
    if (values.every((v) => typeof v === 'string')) {
      const lits = (values as string[]).map((v) => (ignoreCase ? v.toLowerCase() : v));
      if (lits.length === 1) this.single = lits[0];
      else this.set = new Set(lits);
    }
  }
  test(value: string, context: ConditionContext): boolean {
    const v = this.ignoreCase ? value.toLowerCase() : value;
    if (this.single !== undefined) return v === this.single;
    if (this.set !== undefined) return this.set.has(v);
    for (const pv of this.values) {
      const r = resolved(pv, context);
      if (r !== undefined && (this.ignoreCase ? r.toLowerCase() : r) === v) return true;
    }
    return false;
  }
}

/** StringLike and ArnLike/ArnEquals: wildcard patterns, compiled once unless they hold variables. */
class Like implements ValueMatcher {
  private readonly compiled: readonly Pattern[] | undefined;
  constructor(private readonly values: readonly PolicyValue[], private readonly arn: boolean) {
    if (values.every((v) => typeof v === 'string')) this.compiled = (values as string[]).map((v) => new Pattern(v, arn));
  }
  test(value: string, context: ConditionContext): boolean {
    if (this.compiled !== undefined) {
      for (const p of this.compiled) if (p.matches(value)) return true;
      return false;
    }
    for (const pv of this.values) {
      const r = resolved(pv, context);
      if (r === undefined) continue;
      if (this.arn ? arnMatch(r, value) : hasWildcard(r) ? globMatch(r, value) : r === value) return true;
    }
    return false;
  }
}

export type Comparison = 'eq' | 'lt' | 'le' | 'gt' | 'ge';

function compare(a: number, b: number, how: Comparison): boolean {
  switch (how) {
    case 'eq':
      return a === b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
  }
}

function parseNumber(text: string): number | undefined {
  if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text)) return undefined;
  return Number(text);
}

/** Numeric* and Date*: the context value compared with each policy value (context OP policy). */
class Ordered implements ValueMatcher {
  private readonly limits: readonly number[];
  constructor(values: readonly string[], private readonly how: Comparison, private readonly read: (s: string) => number | undefined) {
    this.limits = values.map(read).filter((n): n is number => n !== undefined);
  }
  test(value: string): boolean {
    const n = this.read(value);
    if (n === undefined) return false;
    for (const limit of this.limits) if (compare(n, limit, this.how)) return true;
    return false;
  }
}

class BoolMatcher implements ValueMatcher {
  private readonly values: readonly string[];
  constructor(values: readonly string[]) {
    this.values = values.map((v) => v.toLowerCase());
  }
  test(value: string): boolean {
    const v = value === 'true' || value === 'false' ? value : value.toLowerCase();
    return this.values.includes(v);
  }
}

/** BinaryEquals: base64 values compared as bytes. */
class BinaryMatcher implements ValueMatcher {
  private readonly values: readonly string[];
  constructor(values: readonly string[]) {
    this.values = values.map(normalizeBase64);
  }
  test(value: string): boolean {
    return this.values.includes(normalizeBase64(value));
  }
}

function normalizeBase64(s: string): string {
  return Buffer.from(s, 'base64').toString('base64');
}

class IpMatcher implements ValueMatcher {
  private readonly blocks: readonly Cidr[];
  constructor(values: readonly string[]) {
    this.blocks = values.map(parseCidr).filter((c): c is Cidr => c !== undefined);
  }
  test(value: string): boolean {
    const addr = parseAddress(value);
    if (!addr) return false;
    for (const b of this.blocks) if (cidrContains(b, addr)) return true;
    return false;
  }
}

export type Family = 'string' | 'string-ignore-case' | 'string-like' | 'arn' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'null';

export function makeMatcher(family: Family, how: Comparison, values: readonly PolicyValue[]): ValueMatcher {
  const plain = () => values.map((v) => (typeof v === 'string' ? v : ''));
  switch (family) {
    case 'string':
      return new StringEquals(values, false);
    case 'string-ignore-case':
      return new StringEquals(values, true);
    case 'string-like':
      return new Like(values, false);
    case 'arn':
      return new Like(values, true);
    case 'numeric':
      return new Ordered(plain(), how, parseNumber);
    case 'date':
      return new Ordered(plain(), how, parseDate);
    case 'bool':
      return new BoolMatcher(plain());
    case 'binary':
      return new BinaryMatcher(plain());
    case 'ip':
      return new IpMatcher(plain());
    case 'null':
      return new BoolMatcher(plain());
  }
}
