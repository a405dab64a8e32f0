/**
 * IAM's wildcards, compiled once. A pattern is kept as a string in which the wildcards are
 * sentinel characters (STAR for `*`, ONE for `?`), so a value substituted for a policy variable
 * or written as `${*}` stays literal. Matching works on index ranges and allocates nothing.
 *
 * ARN matching (Resource, ArnLike/ArnEquals) checks each of the first five colon-separated parts
 * on its own — a wildcard there never spans a colon — while the sixth part (the resource id, which
 * may itself hold colons and slashes) matches freely.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */

export const STAR = '\u0000';
export const ONE = '\u0001';
const STAR_CODE = 0;
const ONE_CODE = 1;

/**
 * A flat copy of a string. Strings built by concatenation or slicing are ropes or views in V8,
 * on which string builtins take slower paths; patterns are compiled once and compared on every
 * request, so they are flattened once.
 */
export function flat(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/**
 * `value` holds `text` at `pos`. Measured with callgrind on Node 20, `substring(…) ===` costs
 * about a fifth of `startsWith` for an ARN-long prefix (V8 compares the substring as a block,
 * startsWith character by character), and this runs for most statements of most requests.
 */
export function hasAt(value: string, text: string, pos: number): boolean {
  const end = pos + text.length;
  return end <= value.length && value.substring(pos, end) === text;
}

/** The pattern text with `*` and `?` turned into wildcards. */
export function wildcards(text: string): string {
  return text.replace(/[*?]/g, (c) => (c === '*' ? STAR : ONE));
}

export function hasWildcard(pattern: string): boolean {
  return pattern.includes(STAR) || pattern.includes(ONE);
}

/** The pattern shown to people again (`*` and `?`). */
export function displayPattern(pattern: string): string {
  return pattern.replace(/[\u0000\u0001]/g, (c) => (c === STAR ? '*' : '?'));
}

/** Greedy wildcard match of p[ps, pe) against s[ss, se). */
export function globRange(p: string, ps: number, pe: number, s: string, ss: number, se: number): boolean {
  let pi = ps;
  let si = ss;
  let starP = -1;
  let starS = -1;
  while (si < se) {
    if (pi < pe) {
      const pc = p.charCodeAt(pi);
      if (pc === STAR_CODE) {
        starP = pi++;
        starS = si;
        continue;
      }
      if (pc === ONE_CODE || pc === s.charCodeAt(si)) {
        pi++;
        si++;
        continue;
      }
    }
    if (starP < 0) return false;
    pi = starP + 1;
    si = ++starS;
  }
  while (pi < pe && p.charCodeAt(pi) === STAR_CODE) pi++;
  return pi === pe;
}

export function globMatch(pattern: string, value: string): boolean {
  return globRange(pattern, 0, pattern.length, value, 0, value.length);
}

function colonCount(s: string, max: number): number {
  let n = 0;
  let i = s.indexOf(':');
  while (i >= 0 && n < max) {
    n++;
    i = s.indexOf(':', i + 1);
  }
  return n;
}

/**
 * ARN match: parts one to five separately, the resource part freely. A pattern with fewer than
 * five colons (`*`, `arn:aws:*`) is matched as a whole, its `*` spanning colons.
 */
export function arnMatch(pattern: string, value: string): boolean {
  if (colonCount(pattern, 5) < 5) return globRange(pattern, 0, pattern.length, value, 0, value.length);
  let pi = 0;
  let si = 0;
  for (let k = 0; k < 5; k++) {
    const pc = pattern.indexOf(':', pi);
    const sc = value.indexOf(':', si);
    if (sc < 0) return false;
    if (!globRange(pattern, pi, pc, value, si, sc)) return false;
    pi = pc + 1;
    si = sc + 1;
  }
  return globRange(pattern, pi, pattern.length, value, si, value.length);
}

const enum Kind {
  Any,
  Exact,
  Prefix,
  Glob,
  Arn,
}

/** A compiled pattern with its fast path chosen once: any, exact, prefix, glob, or per-part ARN. */
export class Pattern {
  private readonly kind: Kind;
  private readonly text: string;
  private readonly arn: ArnSteps | undefined;

  /** `arn`: match ARN parts separately (only matters where a wildcard precedes the fifth colon). */
  constructor(pattern: string, arn: boolean) {
    pattern = flat(pattern);
    this.text = pattern;
    this.arn = undefined;
    const first = firstWildcard(pattern);
    if (first < 0) this.kind = Kind.Exact;
    else if (pattern === STAR) this.kind = Kind.Any;
    else if (first === pattern.length - 1 && pattern.charCodeAt(first) === STAR_CODE && (!arn || wildcardAfterFifthColon(pattern, first))) {
      this.text = flat(pattern.slice(0, first));
      this.kind = Kind.Prefix;
    } else if (arn && !wildcardAfterFifthColon(pattern, first)) {
      this.kind = Kind.Arn;
      this.arn = new ArnSteps(pattern);
    } else this.kind = Kind.Glob;
  }

  get matchesEverything(): boolean {
    return this.kind === Kind.Any;
  }

  /** Matches value[from…] (the resource part of an ARN). */
  matchesFrom(value: string, from: number): boolean {
    if (from === 0) return this.matches(value);
    switch (this.kind) {
      case Kind.Any:
        return true;
      case Kind.Exact:
        return value.length - from === this.text.length && hasAt(value, this.text, from);
      case Kind.Prefix:
        return hasAt(value, this.text, from);
      default:
        return globRange(this.text, 0, this.text.length, value, from, value.length);
    }
  }

  matches(value: string): boolean {
    switch (this.kind) {
      case Kind.Any:
        return true;
      case Kind.Exact:
        return value === this.text;
      case Kind.Prefix:
        return hasAt(value, this.text, 0);
      case Kind.Glob:
        return globRange(this.text, 0, this.text.length, value, 0, value.length);
      case Kind.Arn:
        return (this.arn as ArnSteps).matches(value);
    }
  }
}

/**
 * An ARN pattern with a wildcard in its first five parts, compiled into steps: runs of literal
 * parts (colons included) checked as one block, wildcard parts skipped to the next colon
 * (or globbed), then the resource part.
 */
class ArnSteps {
  /** Per step: a literal run (string) or a wildcard part (its pattern; STAR alone means any). */
  private readonly steps: readonly { literal: boolean; text: string }[];
  private readonly last: Pattern;

  constructor(pattern: string) {
    const parts: string[] = [];
    let from = 0;
    for (let k = 0; k < 5; k++) {
      const c = pattern.indexOf(':', from);
      parts.push(pattern.slice(from, c));
      from = c + 1;
    }
    const steps: { literal: boolean; text: string }[] = [];
    let run = '';
    for (const part of parts) {
      if (firstWildcard(part) < 0) {
        run += part + ':';
        continue;
      }
      if (run) steps.push({ literal: true, text: flat(run) });
      run = '';
      steps.push({ literal: false, text: flat(part) });
    }
    if (run) steps.push({ literal: true, text: flat(run) });
    this.steps = steps;
    this.last = new Pattern(pattern.slice(from), false);
  }

  matches(value: string): boolean {
    let pos = 0;
    const steps = this.steps;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i] as { literal: boolean; text: string };
      if (step.literal) {
        if (!hasAt(value, step.text, pos)) return false;
        pos += step.text.length;
        continue;
      }
      const colon = value.indexOf(':', pos);
      if (colon < 0) return false;
      if (step.text !== STAR && !globRange(step.text, 0, step.text.length, value, pos, colon)) return false;
      pos = colon + 1;
    }
    return this.last.matchesFrom(value, pos);
  }
}

function firstWildcard(p: string): number {
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c === STAR_CODE || c === ONE_CODE) return i;
  }
  return -1;
}

/** True when the wildcard at `at` lies in the resource part (after the fifth colon), or there are fewer than five colons. */
function wildcardAfterFifthColon(p: string, at: number): boolean {
  let colons = 0;
  for (let i = 0; i < at; i++) if (p.charCodeAt(i) === 58) colons++;
  return colons >= 5 || colonCount(p, 5) < 5;
}
