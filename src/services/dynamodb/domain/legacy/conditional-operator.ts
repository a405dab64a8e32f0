/**
 * ConditionalOperator: how the conditions of Expected, QueryFilter or ScanFilter combine (AND, the
 * default, or OR). DynamoDB refuses it unless there are at least two conditions to combine — also
 * when the map is present but empty (`Expected: {}` with `ConditionalOperator: 'OR'`).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.ConditionalOperator.html
 */
import type { Condition } from '../expressions/index.js';
import { conditionalOperatorWithOneCondition, conditionalOperatorWithoutConditions } from './messages.js';

/** The operator to join `count` conditions with; throws when ConditionalOperator is set for fewer than two. */
export function conditionalOperatorFor(operator: string | undefined | null, count: number): 'AND' | 'OR' {
  if (operator === undefined || operator === null) return 'AND';
  if (count === 0) throw conditionalOperatorWithoutConditions();
  if (count === 1) throw conditionalOperatorWithOneCondition();
  return operator === 'OR' ? 'OR' : 'AND';
}

/** Joins conditions with AND or OR, left to right in the request's order; undefined for none. */
export function joinConditions(conditions: readonly Condition[], operator: 'AND' | 'OR'): Condition | undefined {
  const kind = operator === 'OR' ? 'or' : 'and';
  let joined: Condition | undefined;
  for (const c of conditions) joined = joined ? { kind, left: joined, right: c } : c;
  return joined;
}
