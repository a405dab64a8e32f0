/**
 * Expected (PutItem, UpdateItem, DeleteItem) with ConditionalOperator → the condition the
 * expression engine evaluates. https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.Expected.html
 *
 * Each attribute's ExpectedAttributeValue takes one of two forms:
 * - `{ Value }` / `{ Value, Exists: true }`: the attribute equals Value; `{ Exists: false }`: the
 *   attribute does not exist. `{ Exists: true }` alone is refused: Exists cannot test for
 *   existence (NOT_NULL does that).
 * - `{ ComparisonOperator, AttributeValueList }` — or `{ ComparisonOperator, Value }`, Value then
 *   being the single argument — with the rules of comparison.ts.
 * Checks per attribute, in the request's order (DynamoDB's order, as its own validator runs them):
 * null entry; Exists with ComparisonOperator; Value with AttributeValueList; AttributeValueList
 * without ComparisonOperator; Exists false with Value; a missing Value (for an operator other than
 * NULL/NOT_NULL, or for Exists absent/true); then the values; then the operator's arguments.
 * After all attributes, ConditionalOperator. An empty Expected is no condition at all.
 */
import type { Condition } from '../expressions/index.js';
import type { ExpectedAttributeValue } from '../../generated/types.js';
import type { AttributeValue } from '../types.js';
import { validateValue } from '../values/index.js';
import { checkComparison, comparisonCondition } from './comparison.js';
import { conditionalOperatorFor, joinConditions } from './conditional-operator.js';
import {
  existsWithOperator,
  expectedNull,
  listWithoutOperator,
  operatorWithoutValue,
  valueRequired,
  valueWhenNotExists,
  valueWithList,
} from './messages.js';

const present = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

/** The condition Expected stands for (undefined when it is absent or empty). */
export function compileExpected(
  expected: Record<string, ExpectedAttributeValue | null> | undefined | null,
  conditionalOperator: string | undefined | null,
): Condition | undefined {
  const names = present(expected) ? Object.keys(expected) : [];
  const conditions = names.map((name) => expectedCondition(name, (expected as Record<string, ExpectedAttributeValue | null>)[name]));
  return joinConditions(conditions, conditionalOperatorFor(conditionalOperator, names.length));
}

function expectedCondition(name: string, e: ExpectedAttributeValue | null | undefined): Condition {
  if (!present(e)) throw expectedNull(name);
  const op = e.ComparisonOperator ?? undefined;
  const exists = e.Exists ?? undefined;
  const hasValue = present(e.Value);
  const hasList = present(e.AttributeValueList);
  if (exists !== undefined && op !== undefined) throw existsWithOperator(name);
  if (hasValue && hasList) throw valueWithList(name);
  if (op === undefined && hasList) throw listWithoutOperator(name);
  if (exists === false && hasValue) throw valueWhenNotExists(name);
  if (!hasValue && !hasList) {
    if (op !== undefined && op !== 'NULL' && op !== 'NOT_NULL') throw operatorWithoutValue(op, name);
    if (op === undefined && exists === undefined) throw valueRequired('null', name);
    if (op === undefined && exists === true) throw valueRequired('true', name);
  }

  if (op === undefined) {
    if (exists === false) return { kind: 'attribute_not_exists', path: [name] };
    const value = validateValue(e.Value as AttributeValue);
    return { kind: 'compare', op: '=', left: { kind: 'path', path: [name] }, right: { kind: 'value', value } };
  }
  const args = hasValue ? [e.Value as AttributeValue] : (e.AttributeValueList ?? []);
  return comparisonCondition(name, op, checkComparison(op, args));
}
