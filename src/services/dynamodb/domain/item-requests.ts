/**
 * One item request's parameters, compiled: the expression members and the legacy members
 * (Expected, AttributesToGet, AttributeUpdates, ConditionalOperator) end up in the same shapes,
 * so the operations evaluate conditions, apply updates and project items one way. Pure.
 *
 * Order, as DynamoDB answers a request wrong in several ways: the mixing rules first ("Can not
 * use both expression and non-expression parameters …": `checkExpressionMixing`, which handlers
 * call before validating the item or key values), then the expressions, then the legacy members.
 * Checks that need the table (key attributes in an update) come after its lookup:
 * `assertUpdateSparesKey`.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html
 */
import { compileRequestExpressions, type Condition, type ExpressionInput, type Projection, type UpdateExpression } from './expressions/index.js';
import { checkExpressionMixing, compileLegacyParameters, type LegacyInput, type ParameterFamilies } from './legacy/index.js';

export type ItemOperation = 'PutItem' | 'GetItem' | 'UpdateItem' | 'DeleteItem' | 'BatchGetItem';

export interface CompiledItemRequest {
  condition?: Condition;
  update?: UpdateExpression;
  /** True when the update came from AttributeUpdates (its type clashes have the legacy wording). */
  legacyUpdate: boolean;
  projection?: Projection;
}

export type ItemRequestInput = ExpressionInput & LegacyInput & ParameterFamilies;

const EXPRESSION_MEMBERS = [
  'ConditionExpression',
  'ProjectionExpression',
  'UpdateExpression',
  'ExpressionAttributeNames',
  'ExpressionAttributeValues',
] as const satisfies readonly (keyof ItemRequestInput)[];
const LEGACY_MEMBERS = ['Expected', 'ConditionalOperator', 'AttributesToGet', 'AttributeUpdates'] as const satisfies readonly (keyof ItemRequestInput)[];

export { checkExpressionMixing };

/** Expressions and legacy members of a request that passed checkExpressionMixing. */
export function compileItemRequest(input: ItemRequestInput, operation: ItemOperation): CompiledItemRequest {
  const out: CompiledItemRequest = { legacyUpdate: false };
  // Most requests (a plain GetItem or PutItem) carry neither family: nothing to compile.
  const hasExpressions = EXPRESSION_MEMBERS.some((m) => input[m] !== undefined && input[m] !== null);
  const hasLegacy = LEGACY_MEMBERS.some((m) => input[m] !== undefined && input[m] !== null);
  if (!hasExpressions && !hasLegacy) return out;
  const expressions = hasExpressions ? compileRequestExpressions(input, { operation }) : {};
  const legacy = hasLegacy ? compileLegacyParameters(input, { operation }) : {};
  const condition = expressions.condition ?? legacy.condition;
  if (condition) out.condition = condition;
  if (expressions.update) out.update = expressions.update;
  else if (legacy.update) {
    out.update = legacy.update;
    out.legacyUpdate = true;
  }
  const projection = expressions.projection ?? legacy.projection;
  if (projection) out.projection = projection;
  return out;
}

/**
 * A transaction part (Put, Update, Delete, ConditionCheck, Get): expressions only — the model
 * gives these no legacy members. `operation` words the "ExpressionAttributeValues can only be
 * specified …" message as the matching single-item operation does.
 */
export function compileTransactionPart(input: ExpressionInput, operation: string): CompiledItemRequest {
  const x = compileRequestExpressions(input, { operation });
  const out: CompiledItemRequest = { legacyUpdate: false };
  if (x.condition) out.condition = x.condition;
  if (x.update) out.update = x.update;
  if (x.projection) out.projection = x.projection;
  return out;
}
