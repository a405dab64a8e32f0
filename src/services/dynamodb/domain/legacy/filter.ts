/**
 * QueryFilter / ScanFilter with ConditionalOperator → the filter the expression engine evaluates
 * (after Limit, as FilterExpression). https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.QueryFilter.html
 *
 * Each attribute's Condition is checked in the request's order (values, argument count, types —
 * comparison.ts), then ConditionalOperator. DynamoDB's answers put the filter's value errors
 * before ConditionalOperator's: a one-condition ScanFilter holding a value nested too deeply is
 * answered with the nesting error by most regions (captured 2026; three regions answer the
 * ConditionalOperator error instead).
 * A Query's filter may not name the queried key attributes (checked with the schema,
 * assertQueryFilterAvoidsKeys).
 */
import type { Condition } from '../expressions/index.js';
import type { Condition as LegacyCondition } from '../../generated/types.js';
import type { KeySchema } from '../types.js';
import { checkComparison, comparisonCondition } from './comparison.js';
import { conditionalOperatorFor, joinConditions } from './conditional-operator.js';
import { filterConditionNull, queryFilterOnKey } from './messages.js';

export type LegacyConditions = Record<string, LegacyCondition | null>;

/** The condition a QueryFilter or ScanFilter stands for (undefined when it is absent or empty). */
export function compileFilter(filter: LegacyConditions | undefined | null, conditionalOperator: string | undefined | null): Condition | undefined {
  const names = filter ? Object.keys(filter) : [];
  const conditions = names.map((name) => {
    const c = (filter as LegacyConditions)[name];
    if (c === undefined || c === null) throw filterConditionNull(name);
    return comparisonCondition(name, c.ComparisonOperator, checkComparison(c.ComparisonOperator, c.AttributeValueList));
  });
  return joinConditions(conditions, conditionalOperatorFor(conditionalOperator, names.length));
}

/**
 * "QueryFilter can only contain non-primary key attributes: Primary key attribute: pk" — the key
 * of the table or index queried, partition key first.
 */
export function assertQueryFilterAvoidsKeys(filter: LegacyConditions | undefined | null, keySchema: KeySchema): void {
  if (!filter) return;
  for (const key of [keySchema.hash, keySchema.range]) {
    if (key && Object.prototype.hasOwnProperty.call(filter, key.name)) throw queryFilterOnKey(key.name);
  }
}
