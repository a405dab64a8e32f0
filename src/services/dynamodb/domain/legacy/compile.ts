/**
 * The request-level entry for the legacy parameters: checks and translates whichever of them the
 * operation takes, in DynamoDB's order, into the shape compileRequestExpressions returns.
 *
 * Order per operation (each step stops at the first error; as DynamoDB answers requests that are
 * wrong in several ways):
 * - GetItem, BatchGetItem (per table): AttributesToGet.
 * - PutItem, DeleteItem: Expected, ConditionalOperator.
 * - UpdateItem: AttributeUpdates, Expected, ConditionalOperator; with the schema, key attributes
 *   in AttributeUpdates.
 * - Query: QueryFilter, ConditionalOperator, AttributesToGet, "Either the KeyConditions or
 *   KeyConditionExpression parameter must be specified in the request.", KeyConditions; with the
 *   schema, KeyConditions against it, then QueryFilter naming a key attribute. (DynamoDB checks
 *   ExclusiveStartKey's values between AttributesToGet and the KeyConditions presence check; a
 *   handler that wants that order exactly calls the parts — compileFilter, compileAttributesToGet,
 *   checkKeyConditions — itself.)
 * - Scan: AttributesToGet, ScanFilter, ConditionalOperator.
 * Members the operation does not take are ignored. Run checkExpressionMixing first: it assumes
 * that legacy and expression members were not mixed (so, e.g., a QueryFilter here is the filter).
 */
import { assertUpdateSparesKey, type CompiledExpressions } from '../expressions/index.js';
import type { AttributeValueUpdate, Condition as LegacyCondition, ExpectedAttributeValue } from '../../generated/types.js';
import type { KeySchema } from '../types.js';
import { compileAttributeUpdates } from './attribute-updates.js';
import { compileAttributesToGet } from './attributes-to-get.js';
import { compileExpected } from './expected.js';
import { assertQueryFilterAvoidsKeys, compileFilter } from './filter.js';
import { checkKeyConditions, resolveKeyConditions, type LegacyKeyCondition } from './key-conditions.js';
import { keyConditionsRequired } from './messages.js';
import type { LegacyOperation } from './mixing.js';

/** The legacy members of the item operations' requests (the generated input types fit). */
export interface LegacyInput {
  Expected?: Record<string, ExpectedAttributeValue>;
  ConditionalOperator?: string;
  QueryFilter?: Record<string, LegacyCondition>;
  ScanFilter?: Record<string, LegacyCondition>;
  KeyConditions?: Record<string, LegacyCondition>;
  KeyConditionExpression?: string;
  AttributesToGet?: string[];
  AttributeUpdates?: Record<string, AttributeValueUpdate>;
}

export interface LegacyCompileOptions {
  operation: LegacyOperation;
  /**
   * The key of the table (or of the index queried). With it: KeyConditions resolved into
   * `keyCondition`, QueryFilter refused on key attributes, AttributeUpdates refused on key
   * attributes. Without it (to answer ResourceNotFoundException first, as DynamoDB does), call
   * resolveKeyConditions(x.keyConditions, schema), assertQueryFilterAvoidsKeys(input.QueryFilter,
   * schema) and assertUpdateSparesKey(x.update, schema) yourself.
   */
  keySchema?: KeySchema;
}

export interface CompiledLegacyParameters extends CompiledExpressions {
  /** KeyConditions after the checks that need no table (when KeyConditions was given). */
  keyConditions?: LegacyKeyCondition[];
}

export function compileLegacyParameters(input: LegacyInput, options: LegacyCompileOptions): CompiledLegacyParameters {
  const out: CompiledLegacyParameters = {};
  const { keySchema, operation } = options;
  switch (operation) {
    case 'GetItem':
    case 'BatchGetItem':
      if (input.AttributesToGet) out.projection = compileAttributesToGet(input.AttributesToGet);
      break;
    case 'PutItem':
    case 'DeleteItem':
      setCondition(out, compileExpected(input.Expected, input.ConditionalOperator));
      break;
    case 'UpdateItem':
      if (input.AttributeUpdates) out.update = compileAttributeUpdates(input.AttributeUpdates);
      setCondition(out, compileExpected(input.Expected, input.ConditionalOperator));
      if (out.update && keySchema) assertUpdateSparesKey(out.update, keySchema);
      break;
    case 'Query': {
      const filter = compileFilter(input.QueryFilter, input.ConditionalOperator);
      if (filter) out.filter = filter;
      if (input.AttributesToGet) out.projection = compileAttributesToGet(input.AttributesToGet);
      if (!input.KeyConditions) {
        if (input.KeyConditionExpression === undefined || input.KeyConditionExpression === null) throw keyConditionsRequired();
        break;
      }
      out.keyConditions = checkKeyConditions(input.KeyConditions);
      if (keySchema) {
        out.keyCondition = resolveKeyConditions(out.keyConditions, keySchema);
        assertQueryFilterAvoidsKeys(input.QueryFilter, keySchema);
      }
      break;
    }
    case 'Scan': {
      if (input.AttributesToGet) out.projection = compileAttributesToGet(input.AttributesToGet);
      const filter = compileFilter(input.ScanFilter, input.ConditionalOperator);
      if (filter) out.filter = filter;
      break;
    }
  }
  return out;
}

function setCondition(out: CompiledLegacyParameters, condition: ReturnType<typeof compileExpected>): void {
  if (condition) out.condition = condition;
}
