/**
 * Policy variables: `${aws:username}`, `${aws:PrincipalTag/team}`, `${s3:prefix}` — any context
 * key — in Resource and in the values of string and ARN conditions; `${key, 'default'}` gives a
 * default; `${*}`, `${?}` and `${$}` are a literal `*`, `?` and `$`. Only version 2012-10-17 has
 * variables: in a 2008-10-17 policy `${…}` is plain text.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 *
 * A substituted value is literal text: a `*` in a user name would not become a wildcard. A key
 * with several values substitutes its first one (AWS documents variables for single-valued keys).
 */
import type { ConditionContext } from '../types.js';
import { wildcards } from './glob.js';

interface VariableRef {
  /** Lower-cased context key. */
  readonly key: string;
  readonly fallback: string | undefined;
}

type Part = string | VariableRef;

/** A string that may hold variables; `parts` keep literal text in pattern form (wildcards as sentinels when asked). */
export class Template {
  private constructor(
    private readonly parts: readonly Part[],
    /** Lower-cased keys whose absence makes the whole statement not apply (no default given). */
    readonly requiredKeys: readonly string[],
  ) {}

  /** The text as a pattern when it has no variables (no runtime substitution needed). */
  static parse(text: string, withVariables: boolean, withWildcards: boolean): string | Template {
    const convert = withWildcards ? wildcards : (s: string) => s;
    if (!withVariables || !text.includes('${')) return convert(text);
    const parts: Part[] = [];
    const required: string[] = [];
    let literal = '';
    let i = 0;
    while (i < text.length) {
      const open = text.indexOf('${', i);
      if (open < 0) {
        literal += convert(text.slice(i));
        break;
      }
      const close = text.indexOf('}', open + 2);
      if (close < 0) {
        literal += convert(text.slice(i));
        break;
      }
      literal += convert(text.slice(i, open));
      const body = text.slice(open + 2, close);
      i = close + 1;
      if (body === '*' || body === '?' || body === '$') {
        literal += body;
        continue;
      }
      const ref = parseReference(body);
      if (literal) parts.push(literal);
      literal = '';
      parts.push(ref);
      if (ref.fallback === undefined && !required.includes(ref.key)) required.push(ref.key);
    }
    if (literal) parts.push(literal);
    if (parts.every((p) => typeof p === 'string')) return parts.join('');
    return new Template(parts, required);
  }

  /**
   * What the substitution depends on: the variable's value when there is one variable (the same
   * string object request after request for a given caller, so a cheap map key), else all the
   * values joined. Undefined when a value is missing without a default.
   */
  substitutionKey(context: ConditionContext): string | undefined {
    let key: string | undefined;
    for (const part of this.parts) {
      if (typeof part === 'string') continue;
      const values = context.get(part.key);
      const v = values !== undefined && values.length > 0 ? values[0] : part.fallback;
      if (v === undefined) return undefined;
      key = key === undefined ? v : `${key}\u0002${v}`;
    }
    return key;
  }

  /** The substituted pattern, or undefined when a variable's key is absent and has no default. */
  resolve(context: ConditionContext): string | undefined {
    let out = '';
    for (const part of this.parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const values = context.get(part.key);
      if (values !== undefined && values.length > 0) out += values[0];
      else if (part.fallback !== undefined) out += part.fallback;
      else return undefined;
    }
    return out;
  }
}

/** `aws:username` or `aws:username, 'default'` (AWS writes a comma, a space and a quoted default). */
function parseReference(body: string): VariableRef {
  const m = /^\s*([^,]*?)\s*,\s*'([^']*)'\s*$/.exec(body);
  if (m) return { key: (m[1] ?? '').toLowerCase(), fallback: m[2] ?? '' };
  return { key: body.trim().toLowerCase(), fallback: undefined };
}
