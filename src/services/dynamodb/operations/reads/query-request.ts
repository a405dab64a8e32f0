/**
 * Query's request checks, in the order DynamoDB reports them (as recorded by dynalite's tests and
 * the 2026 conformance captures; see the domain files named for each step's messages):
 * 1. Without the table: Select with the projection (read-select.ts); mixed expression and legacy
 *    parameters; QueryFilter + ConditionalOperator, AttributesToGet; the ExclusiveStartKey's
 *    values; KeyConditions (or "Either the KeyConditions or KeyConditionExpression parameter must
 *    be specified in the request."); the expressions and their placeholders.
 * 2. The table ("Requested resource not found"), the index, ConsistentRead on a GSI.
 * 3. The start key's shape and the key condition, interleaved as DynamoDB walks the key: the start
 *    key's attribute count and partition key, the key condition, the start key's sort key and the
 *    table's key, then the start key against the condition (read-start-key.ts).
 * 4. Paths into key attributes in the projection; the filter naming the queried key; Select
 *    ALL_ATTRIBUTES on a GSI that does not project everything; paths into key attributes in the
 *    filter; a GSI's projection or filter naming what it does not project.
 */
import { assertFilterAvoidsKeys, compileRequestExpressions, resolveKeyCondition, type Condition, type Projection, type ResolvedKeyCondition } from '../../domain/expressions/index.js';
import {
  assertQueryFilterAvoidsKeys,
  checkExpressionMixing,
  checkKeyConditions,
  compileAttributesToGet,
  compileFilter,
  resolveKeyConditions,
  type LegacyKeyCondition,
} from '../../domain/legacy/index.js';
import { keyConditionsRequired } from '../../domain/legacy/messages.js';
import { checkGlobalIndexAttributes, checkKeyPathsScalar, conditionPaths } from '../../domain/read-attributes.js';
import { checkSelect, checkSelectOnIndex, effectiveSelect, type ReadSelect } from '../../domain/read-select.js';
import {
  checkStartKeyAttribute,
  checkStartKeyBounds,
  checkStartKeyCount,
  checkStartKeyTableKey,
  checkStartKeyValues,
} from '../../domain/read-start-key.js';
import type { Item, KeySchema } from '../../domain/types.js';
import type { QueryInput } from '../../generated/types.js';
import type { Ctx } from '../table-lookup.js';
import { readTarget, type ReadTarget } from './read-target.js';

export interface PreparedQuery extends ReadTarget {
  keySchema: KeySchema;
  keyCondition: ResolvedKeyCondition;
  startKey?: Item;
  select: ReadSelect;
  filter?: Condition;
  projection?: Projection;
}

export function prepareQuery(input: QueryInput, ctx: Ctx): PreparedQuery {
  checkSelect(input, 'Query');
  checkExpressionMixing(input, 'Query');
  const legacyFilter = compileFilter(input.QueryFilter, input.ConditionalOperator);
  const legacyProjection = input.AttributesToGet ? compileAttributesToGet(input.AttributesToGet) : undefined;
  const startKey = checkStartKeyValues(input.ExclusiveStartKey);
  let legacyKeys: LegacyKeyCondition[] | undefined;
  if (input.KeyConditions) legacyKeys = checkKeyConditions(input.KeyConditions);
  else if (input.KeyConditionExpression === undefined || input.KeyConditionExpression === null) throw keyConditionsRequired();
  const x = compileRequestExpressions(input, { operation: 'Query' });
  const filter = x.filter ?? legacyFilter;
  const projection = x.projection ?? legacyProjection;

  const target = readTarget(ctx, input);
  const { table, index } = target;
  const keySchema = index ? index.key : table.key;
  if (startKey) {
    checkStartKeyCount(startKey, table, index);
    checkStartKeyAttribute(startKey, keySchema.hash);
  }
  const keyCondition = x.keyConditionParts
    ? resolveKeyCondition(x.keyConditionParts, keySchema)
    : resolveKeyConditions(legacyKeys as LegacyKeyCondition[], keySchema);
  if (startKey) {
    if (keySchema.range) checkStartKeyAttribute(startKey, keySchema.range);
    checkStartKeyTableKey(startKey, table);
    checkStartKeyBounds(startKey, keySchema, keyCondition);
  }

  if (projection) checkKeyPathsScalar(projection, table);
  if (x.filter) assertFilterAvoidsKeys(x.filter, keySchema);
  else if (legacyFilter) assertQueryFilterAvoidsKeys(input.QueryFilter, keySchema);
  const select = effectiveSelect(input.Select, projection !== undefined, index);
  checkSelectOnIndex(select, index);
  if (filter) checkKeyPathsScalar(conditionPaths(filter), table);
  if (index) checkGlobalIndexAttributes(table, index, select === 'SPECIFIC_ATTRIBUTES' ? projection : undefined, filter);
  // Spelt out rather than spread: a spread of the two shapes of ReadTarget plus six members cost
  // V8 a slow-path property definition on every Query (2% of its CPU under load).
  return { table, index, keySchema, keyCondition, startKey, select, filter, projection };
}
