/**
 * The rules on which parameter families one request may use, checked before either family's
 * contents (DynamoDB answers a request that mixes them, and is wrong in other ways too, with the
 * mixing error first).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html
 *
 * 1. Legacy and expression parameters together: "Can not use both expression and non-expression
 *    parameters in the same request: Non-expression parameters: {AttributesToGet, QueryFilter,
 *    ConditionalOperator, KeyConditions} Expression parameters: {ProjectionExpression,
 *    FilterExpression, KeyConditionExpression}". Each list holds the members present, in
 *    DynamoDB's fixed order (below). KeyConditions counts only beside a KeyConditionExpression:
 *    KeyConditions with a FilterExpression or ProjectionExpression is allowed.
 * 2. ExpressionAttributeNames without any expression member: "ExpressionAttributeNames can only be
 *    specified when using expressions".
 * 3. ExpressionAttributeValues without an expression that takes values: "ExpressionAttributeValues
 *    can only be specified when using expressions: FilterExpression and KeyConditionExpression are
 *    null" (the operation's value-taking members, in this order).
 * A member counts as present when it is not undefined/null (an empty string or map counts).
 */
import type { AttributeValue } from '../types.js';
import { mixedParameters, namesWithoutExpressions, valuesWithoutExpressions } from './messages.js';

/** The operations that take legacy parameters. BatchGetItem: check each table's KeysAndAttributes. */
export type LegacyOperation = 'GetItem' | 'BatchGetItem' | 'PutItem' | 'DeleteItem' | 'UpdateItem' | 'Query' | 'Scan';

/** The members the mixing rules look at; pass the request (or a KeysAndAttributes) itself. */
export interface ParameterFamilies {
  AttributeUpdates?: unknown;
  AttributesToGet?: unknown;
  Expected?: unknown;
  QueryFilter?: unknown;
  ScanFilter?: unknown;
  ConditionalOperator?: unknown;
  KeyConditions?: unknown;
  UpdateExpression?: string;
  ProjectionExpression?: string;
  ConditionExpression?: string;
  FilterExpression?: string;
  KeyConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
}

type LegacyMember = 'AttributeUpdates' | 'AttributesToGet' | 'Expected' | 'QueryFilter' | 'ScanFilter' | 'ConditionalOperator';
type ExpressionMember = 'UpdateExpression' | 'ProjectionExpression' | 'ConditionExpression' | 'FilterExpression' | 'KeyConditionExpression';

interface Members {
  legacy: readonly LegacyMember[];
  expressions: readonly ExpressionMember[];
  /** The members ExpressionAttributeValues needs one of, as DynamoDB lists them. */
  valueExpressions: readonly ExpressionMember[];
}

/** Each operation's own members, in DynamoDB's order (legacy: AttributeUpdates, AttributesToGet, Expected, QueryFilter, ScanFilter, ConditionalOperator, KeyConditions). */
const MEMBERS: Readonly<Record<LegacyOperation, Members>> = {
  GetItem: { legacy: ['AttributesToGet'], expressions: ['ProjectionExpression'], valueExpressions: [] },
  BatchGetItem: { legacy: ['AttributesToGet'], expressions: ['ProjectionExpression'], valueExpressions: [] },
  PutItem: { legacy: ['Expected', 'ConditionalOperator'], expressions: ['ConditionExpression'], valueExpressions: ['ConditionExpression'] },
  DeleteItem: { legacy: ['Expected', 'ConditionalOperator'], expressions: ['ConditionExpression'], valueExpressions: ['ConditionExpression'] },
  UpdateItem: {
    legacy: ['AttributeUpdates', 'Expected', 'ConditionalOperator'],
    expressions: ['UpdateExpression', 'ConditionExpression'],
    valueExpressions: ['UpdateExpression', 'ConditionExpression'],
  },
  Query: {
    legacy: ['AttributesToGet', 'QueryFilter', 'ConditionalOperator'],
    expressions: ['ProjectionExpression', 'FilterExpression', 'KeyConditionExpression'],
    valueExpressions: ['FilterExpression', 'KeyConditionExpression'],
  },
  Scan: {
    legacy: ['AttributesToGet', 'ScanFilter', 'ConditionalOperator'],
    expressions: ['ProjectionExpression', 'FilterExpression'],
    valueExpressions: ['FilterExpression'],
  },
};

const present = (v: unknown): boolean => v !== undefined && v !== null;

/** Rules 1–3 for one request of `operation`; throws DynamoDB's ValidationException. */
export function checkExpressionMixing(input: ParameterFamilies, operation: LegacyOperation): void {
  const members = MEMBERS[operation];
  const expressions = members.expressions.filter((m) => present(input[m]));
  const legacy: string[] = members.legacy.filter((m) => present(input[m]));
  if (operation === 'Query' && present(input.KeyConditions) && present(input.KeyConditionExpression)) legacy.push('KeyConditions');
  if (legacy.length > 0 && expressions.length > 0) throw mixedParameters(legacy, expressions);
  if (present(input.ExpressionAttributeNames) && expressions.length === 0) throw namesWithoutExpressions();
  if (
    present(input.ExpressionAttributeValues) &&
    members.valueExpressions.length > 0 &&
    !members.valueExpressions.some((m) => present(input[m]))
  ) {
    throw valuesWithoutExpressions(members.valueExpressions);
  }
}
