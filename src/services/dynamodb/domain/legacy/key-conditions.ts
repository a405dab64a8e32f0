/**
 * KeyConditions (Query) → the key condition Query runs, the same `{ hashValue, range }` that
 * resolveKeyCondition gives for a KeyConditionExpression.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.KeyConditions.html
 *
 * Two stages, as DynamoDB answers them:
 * 1. Without the table (checkKeyConditions): each condition as comparison.ts checks it, in the
 *    request's order; then the count — "Conditions can be of length 1 or 2 only" for none or
 *    more than two.
 * 2. Against the key schema of the table or index queried (resolveKeyConditions): partition key,
 *    then sort key, each: present ("Query condition missed key schema element: x" — the sort key
 *    only when two conditions were given), an operator a key can use (NE, IN, NULL, NOT_NULL,
 *    CONTAINS, NOT_CONTAINS: "Attempted conditional constraint is not an indexable operation"),
 *    values of the key's type, and EQ on the partition key ("Query key condition not supported").
 *    Two conditions on a table with only a partition key are refused first, with the message
 *    DynamoDB gives KeyConditionExpression for too many conditions.
 */
import type { KeyOperator, ResolvedKeyCondition } from '../expressions/index.js';
import type { ComparisonOperator, Condition as LegacyCondition } from '../../generated/types.js';
import type { AttributeValue, KeyAttribute, KeySchema } from '../types.js';
import { typeOf } from '../values/index.js';
import { checkComparison } from './comparison.js';
import {
  filterConditionNull,
  hashConditionNotSupported,
  keyConditionCount,
  keyTypeMismatch,
  missedKeyElement,
  notIndexable,
  tooManyKeyConditions,
} from './messages.js';

/** One condition of KeyConditions, its values checked and normalized. */
export interface LegacyKeyCondition {
  attribute: string;
  op: ComparisonOperator;
  values: AttributeValue[];
}

const INDEXABLE: ReadonlySet<ComparisonOperator> = new Set<ComparisonOperator>(['EQ', 'LE', 'LT', 'GE', 'GT', 'BEGINS_WITH', 'BETWEEN']);

/** Stage 1: the checks that need no table. */
export function checkKeyConditions(keyConditions: Record<string, LegacyCondition | null>): LegacyKeyCondition[] {
  const conditions = Object.keys(keyConditions).map((attribute): LegacyKeyCondition => {
    const c = keyConditions[attribute];
    if (c === undefined || c === null) throw filterConditionNull(attribute);
    return { attribute, op: c.ComparisonOperator, values: checkComparison(c.ComparisonOperator, c.AttributeValueList) };
  });
  if (conditions.length !== 1 && conditions.length !== 2) throw keyConditionCount();
  return conditions;
}

/** Stage 2: the conditions against the key of the table or index queried. */
export function resolveKeyConditions(conditions: readonly LegacyKeyCondition[], keySchema: KeySchema): ResolvedKeyCondition {
  const keyCount = keySchema.range ? 2 : 1;
  if (conditions.length > keyCount) throw tooManyKeyConditions(conditions.length, keyCount);

  const hash = conditions.find((c) => c.attribute === keySchema.hash.name);
  if (!hash) throw missedKeyElement(keySchema.hash.name);
  checkKeyCondition(hash, keySchema.hash);
  if (hash.op !== 'EQ') throw hashConditionNotSupported();
  const resolved: ResolvedKeyCondition = { hashValue: hash.values[0] as AttributeValue };

  const range = keySchema.range;
  if (!range) return resolved;
  const sort = conditions.find((c) => c.attribute === range.name);
  if (!sort) {
    if (conditions.length > 1) throw missedKeyElement(range.name);
    return resolved;
  }
  checkKeyCondition(sort, range);
  resolved.range = { op: sort.op as KeyOperator, values: sort.values };
  return resolved;
}

function checkKeyCondition(condition: LegacyKeyCondition, key: KeyAttribute): void {
  if (!INDEXABLE.has(condition.op)) throw notIndexable();
  if (condition.values.some((v) => typeOf(v) !== key.type)) throw keyTypeMismatch();
}
