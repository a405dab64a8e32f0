/**
 * The request-level entry: validates ExpressionAttributeNames/Values and every expression of one
 * request, in DynamoDB's order, and returns them compiled.
 *
 * Order (each step stops at the first error):
 * 1. "ExpressionAttributeNames/Values can only be specified when using expressions", empty maps,
 *    malformed keys, invalid values.
 * 2. Each expression present, in the order DynamoDB reads them — KeyConditionExpression,
 *    UpdateExpression, ConditionExpression, FilterExpression, ProjectionExpression — each fully
 *    (empty, size, syntax, reserved words / function names, structure, placeholders, types). The
 *    checks that depend on the text alone run once per distinct text (prepare.ts).
 * 3. Placeholders no expression used ("Value provided in ExpressionAttributeNames unused …").
 * 4. Only when `keySchema` is given: the key condition against the schema, Query's filter not
 *    naming key attributes, the update not touching key attributes. A handler that must report a
 *    missing table between steps 3 and 4 (as DynamoDB does) can omit `keySchema` and call
 *    `resolveKeyCondition`, `assertFilterAvoidsKeys` and `assertUpdateSparesKey` itself.
 */
import type { AttributeValue, KeySchema } from '../types.js';
import type { Condition, Projection, UpdateExpression } from './ast.js';
import { compileCondition } from './compile-condition.js';
import { assertUpdateSparesKey, compileUpdate } from './compile-update.js';
import { assertFilterAvoidsKeys, keyConditionParts, resolveKeyCondition, type KeyConditionPart, type ResolvedKeyCondition } from './key-condition.js';
import type { ExpressionKind } from './messages.js';
import { checkPathClashes, resolvePath } from './paths.js';
import { Placeholders, validatePlaceholderMaps } from './placeholders.js';
import { prepareCondition, prepareProjection, prepareUpdate } from './prepare.js';

export interface ExpressionInput {
  ConditionExpression?: string;
  FilterExpression?: string;
  KeyConditionExpression?: string;
  ProjectionExpression?: string;
  UpdateExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
}

export interface CompileOptions {
  /** The key of the table or index the request addresses; enables the schema checks (step 4). */
  keySchema?: KeySchema;
  /** The operation's name (`PutItem`, `UpdateItem`, `Query`, …), only to word "ExpressionAttributeValues can only be specified …". */
  operation?: string;
}

export interface CompiledExpressions {
  condition?: Condition;
  filter?: Condition;
  /** The key condition's parts, attribute on the left (always, when a KeyConditionExpression was given). */
  keyConditionParts?: KeyConditionPart[];
  /** The key condition resolved against `options.keySchema` (only when both were given). */
  keyCondition?: ResolvedKeyCondition;
  projection?: Projection;
  update?: UpdateExpression;
}

export function compileRequestExpressions(input: ExpressionInput, options: CompileOptions = {}): CompiledExpressions {
  const { KeyConditionExpression: kce, UpdateExpression: ue, ConditionExpression: ce, FilterExpression: fe, ProjectionExpression: pe } = input;
  const anyValueExpression = kce !== undefined || ue !== undefined || ce !== undefined || fe !== undefined;
  const values = validatePlaceholderMaps(
    input.ExpressionAttributeNames,
    input.ExpressionAttributeValues,
    anyValueExpression || pe !== undefined,
    anyValueExpression,
    options.operation,
  );
  const placeholders = new Placeholders(input.ExpressionAttributeNames, values);
  const out: CompiledExpressions = {};

  if (kce !== undefined) {
    const keyCondition = conditionOf('KeyConditionExpression', kce, placeholders);
    out.keyConditionParts = keyConditionParts(keyCondition);
  }
  if (ue !== undefined) {
    const prepared = prepareUpdate(ue);
    out.update = compileUpdate(prepared.tree, prepared.record, placeholders);
  }
  if (ce !== undefined) out.condition = conditionOf('ConditionExpression', ce, placeholders);
  if (fe !== undefined) out.filter = conditionOf('FilterExpression', fe, placeholders);
  if (pe !== undefined) {
    const prepared = prepareProjection(pe);
    placeholders.checkDefined('ProjectionExpression', prepared.record.names, prepared.record.values);
    const paths = prepared.tree.map((p) => resolvePath(p, placeholders));
    checkPathClashes('ProjectionExpression', paths);
    out.projection = paths;
  }

  placeholders.checkAllUsed();

  const keySchema = options.keySchema;
  if (keySchema) {
    if (out.keyConditionParts) {
      out.keyCondition = resolveKeyCondition(out.keyConditionParts, keySchema);
      if (out.filter) assertFilterAvoidsKeys(out.filter, keySchema);
    }
    if (out.update) assertUpdateSparesKey(out.update, keySchema);
  }
  return out;
}

function conditionOf(kind: ExpressionKind, source: string, placeholders: Placeholders): Condition {
  const prepared = prepareCondition(kind, source);
  return compileCondition(kind, prepared.tree, prepared.record, placeholders);
}
