/**
 * One legacy condition — an attribute, a ComparisonOperator and its AttributeValueList — checked
 * as DynamoDB checks it and translated into the expression engine's Condition tree.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Condition.html
 *
 * Checks, in DynamoDB's order (the values first: a request whose list is both too long and holds
 * an invalid value is answered with the value's error):
 * 1. every value is a valid AttributeValue (validateValue's messages, bare);
 * 2. the number of values: none for NULL/NOT_NULL, two for BETWEEN, at least one for IN, one for
 *    the rest;
 * 3. each value in turn: a type the operator accepts, then the same type as the first value;
 * 4. BETWEEN: the lower bound not above the upper one.
 * Types accepted: EQ/NE any; LT/LE/GT/GE/IN/BETWEEN S, N, B; CONTAINS/NOT_CONTAINS S, N, B, BOOL,
 * NULL; BEGINS_WITH S, B.
 *
 * Translation (each matches the legacy semantics under the expression engine's evaluation):
 * EQ `=`, NE `<>` (true when the attribute is missing), LE/LT/GE/GT the comparators (false on a
 * type mismatch), NULL attribute_not_exists, NOT_NULL attribute_exists, CONTAINS contains,
 * NOT_CONTAINS `attribute_exists AND NOT contains` (DynamoDB answers false for a missing attribute:
 * both CONTAINS and NOT_CONTAINS fail then, unlike NE), BEGINS_WITH begins_with, IN in, BETWEEN
 * between. The attribute is a top-level name taken literally (`a.b` names an attribute "a.b").
 */
import { validationError } from '../errors.js';
import type { Condition, Operand } from '../expressions/index.js';
import type { ComparisonOperator } from '../../generated/types.js';
import type { AttributeValue, ValueType } from '../types.js';
import { compareScalars, typeOf, validateValue } from '../values/index.js';
import { argumentCount, betweenBoundsReversed, mixedArgumentTypes, operatorNotValidForType } from './messages.js';

const ORDERED: ReadonlySet<ValueType> = new Set<ValueType>(['S', 'N', 'B']);
const SCALARS: ReadonlySet<ValueType> = new Set<ValueType>(['S', 'N', 'B', 'BOOL', 'NULL']);
const PREFIXES: ReadonlySet<ValueType> = new Set<ValueType>(['S', 'B']);

interface OperatorRule {
  /** Whether `count` values are the right number. */
  count: (count: number) => boolean;
  /** The value types the operator takes; undefined for any. */
  types?: ReadonlySet<ValueType>;
}

const ONE = (n: number): boolean => n === 1;

const RULES: Readonly<Record<ComparisonOperator, OperatorRule>> = {
  EQ: { count: ONE },
  NE: { count: ONE },
  LE: { count: ONE, types: ORDERED },
  LT: { count: ONE, types: ORDERED },
  GE: { count: ONE, types: ORDERED },
  GT: { count: ONE, types: ORDERED },
  NOT_NULL: { count: (n) => n === 0 },
  NULL: { count: (n) => n === 0 },
  CONTAINS: { count: ONE, types: SCALARS },
  NOT_CONTAINS: { count: ONE, types: SCALARS },
  BEGINS_WITH: { count: ONE, types: PREFIXES },
  IN: { count: (n) => n >= 1, types: ORDERED },
  BETWEEN: { count: (n) => n === 2, types: ORDERED },
};

/**
 * Steps 1–4 above. Returns the values normalized (numbers in canonical form). `op` must be one of
 * the thirteen operators (the request's model validation refuses any other word first).
 */
export function checkComparison(op: ComparisonOperator, list: readonly AttributeValue[] | undefined): AttributeValue[] {
  // Unreachable through the pipeline (the model's enum check answers first); DynamoDB's own word for it.
  const rule = Object.prototype.hasOwnProperty.call(RULES, op) ? RULES[op] : undefined;
  if (!rule) throw validationError('Comparison type does not exist in DynamoDB');
  const values = (list ?? []).map(validateValue);
  if (!rule.count(values.length)) throw argumentCount(op);
  const first = values.length > 0 ? typeOf(values[0] as AttributeValue) : undefined;
  for (const v of values) {
    const type = typeOf(v);
    if (rule.types && !rule.types.has(type)) throw operatorNotValidForType(op, type);
    if (type !== first) throw mixedArgumentTypes();
  }
  if (op === 'BETWEEN' && compareScalars(values[0] as AttributeValue, values[1] as AttributeValue) > 0) throw betweenBoundsReversed();
  return values;
}

/** The Condition for `name <op> values`, values already checked by checkComparison. */
export function comparisonCondition(name: string, op: ComparisonOperator, values: readonly AttributeValue[]): Condition {
  const attribute: Operand = { kind: 'path', path: [name] };
  const value = (i: number): Operand => ({ kind: 'value', value: values[i] as AttributeValue });
  switch (op) {
    case 'EQ':
      return { kind: 'compare', op: '=', left: attribute, right: value(0) };
    case 'NE':
      return { kind: 'compare', op: '<>', left: attribute, right: value(0) };
    case 'LE':
      return { kind: 'compare', op: '<=', left: attribute, right: value(0) };
    case 'LT':
      return { kind: 'compare', op: '<', left: attribute, right: value(0) };
    case 'GE':
      return { kind: 'compare', op: '>=', left: attribute, right: value(0) };
    case 'GT':
      return { kind: 'compare', op: '>', left: attribute, right: value(0) };
    case 'NOT_NULL':
      return { kind: 'attribute_exists', path: [name] };
    case 'NULL':
      return { kind: 'attribute_not_exists', path: [name] };
    case 'CONTAINS':
      return { kind: 'contains', operand: attribute, element: value(0) };
    case 'NOT_CONTAINS':
      return {
        kind: 'and',
        left: { kind: 'attribute_exists', path: [name] },
        right: { kind: 'not', condition: { kind: 'contains', operand: attribute, element: value(0) } },
      };
    case 'BEGINS_WITH':
      return { kind: 'begins_with', operand: attribute, prefix: value(0) };
    case 'IN':
      return { kind: 'in', operand: attribute, list: values.map((_, i) => value(i)) };
    case 'BETWEEN':
      return { kind: 'between', operand: attribute, low: value(0), high: value(1) };
  }
}
