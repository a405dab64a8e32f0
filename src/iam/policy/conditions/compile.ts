/**
 * A statement's Condition element compiled into tests. All operators of a statement, and all keys
 * within one operator, must hold (AND); the values listed for one key are alternatives (OR).
 * Key names are case-insensitive (looked up lower-cased); values are case-sensitive except for the
 * IgnoreCase operators, Bool and Null.
 *
 * A key the request lacks: positive operators fail, negated ones (StringNotEquals, NotIpAddress,
 * ArnNotLike …) hold, `…IfExists` holds; `ForAllValues:` holds on a missing or empty key and
 * `ForAnyValue:` fails. With several request values and no qualifier, a positive operator holds
 * when any value matches and a negated one when none does.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
import type { ConditionContext } from '../../types.js';
import { Template } from '../variables.js';
import { noteMissingKey } from '../missing-keys.js';
import { makeMatcher, type ValueMatcher } from './matchers.js';
import { type ParsedOperator, parseOperator } from './operators.js';

export class ConditionTest {
  private readonly keyLc: string;
  private readonly matcher: ValueMatcher;

  constructor(
    /** The key as written (reported in missing keys and decoded messages). */
    readonly key: string,
    readonly operator: ParsedOperator,
    /** The values as written, as strings. */
    readonly values: readonly string[],
    compiledValues: readonly (string | Template)[],
  ) {
    this.keyLc = key.toLowerCase();
    this.matcher = makeMatcher(operator.base.family, operator.base.how, compiledValues);
  }

  evaluate(context: ConditionContext): boolean {
    const values = context.get(this.keyLc);
    const op = this.operator;
    if (op.base.family === 'null') {
      // "Null": "true" holds when the key is absent (or empty), "false" when it is present.
      return this.matcher.test(values === undefined || values.length === 0 ? 'true' : 'false', context);
    }
    if (values === undefined || values.length === 0) {
      noteMissingKey(this.key);
      if (op.ifExists || op.set === 'all') return true;
      if (op.set === 'any') return false;
      return op.base.negated;
    }
    const negated = op.base.negated;
    if (op.set === 'all') {
      for (const v of values) if (this.matcher.test(v, context) === negated) return false;
      return true;
    }
    if (op.set === 'any') {
      for (const v of values) if (this.matcher.test(v, context) !== negated) return true;
      return false;
    }
    let any = false;
    for (const v of values) {
      if (this.matcher.test(v, context)) {
        any = true;
        break;
      }
    }
    return any !== negated;
  }

  /** Records the key as missing if the request lacks it (for tests skipped after an earlier failure). */
  noteIfMissing(context: ConditionContext): void {
    if (this.operator.base.family === 'null') return;
    const values = context.get(this.keyLc);
    if (values === undefined || values.length === 0) noteMissingKey(this.key);
  }
}

/** A Condition value as IAM reads it: strings, numbers and booleans, alone or in an array. */
export function conditionValues(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((v) => String(v));
}

/**
 * Compiles a validated Condition block. Operators IAM does not know are only accepted with no
 * keys (as IAM accepts them), so they contribute no test. Variable keys that must be present are
 * added to `requiredKeys`.
 */
export function compileConditions(block: Record<string, unknown>, variables: boolean, requiredKeys: string[]): ConditionTest[] {
  const tests: ConditionTest[] = [];
  for (const [opName, body] of Object.entries(block)) {
    const op = parseOperator(opName);
    if (!op) continue;
    for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
      const values = conditionValues(raw);
      const compiled = values.map((v) => Template.parse(v, variables && op.base.variables, op.base.wildcards));
      for (const c of compiled) {
        if (typeof c === 'string') continue;
        for (const k of c.requiredKeys) if (!requiredKeys.includes(k)) requiredKeys.push(k);
      }
      tests.push(new ConditionTest(key, op, values, compiled));
    }
  }
  return tests;
}
