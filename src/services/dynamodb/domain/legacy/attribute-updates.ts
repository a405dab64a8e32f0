/**
 * AttributeUpdates (UpdateItem) → the update applyUpdate performs.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.AttributeUpdates.html
 *
 * Per attribute, in the request's order: the value (validateValue's messages), then the action:
 * - PUT (the default when Action is absent) needs a value: SET a = value.
 * - DELETE without a value removes the attribute: REMOVE a. With a value it takes those elements
 *   out of a set (SS, NS, BS only): DELETE a value; a set left empty disappears.
 * - ADD adds a number to a number or elements to a set (N, SS, NS, BS): ADD a value; a missing
 *   attribute becomes the value. ADD of a list (L) appends to a list, which the expression ADD
 *   cannot: SET a = list_append(if_not_exists(a, []), value).
 * A missing value with PUT or ADD is refused ("Only DELETE action is allowed when no attribute
 * value is specified"), as are DELETE/ADD values of other types ("… not supported for the type S").
 * Then the size of what is written (names and values of the non-DELETE updates) against the
 * 400 KB item limit. Updating a key attribute is refused with the schema, as for UpdateExpression
 * (assertUpdateSparesKey).
 *
 * Applying it: applyAttributeUpdates (below) is applyUpdate with DynamoDB's legacy wording for a
 * type clash at run time ("Type mismatch for attribute to update", e.g. ADD of an NS to a number).
 */
import { isServiceError } from '../../../../shared/errors.js';
import { validationError } from '../errors.js';
import { applyUpdate, type UpdateAction, type UpdateExpression } from '../expressions/index.js';
import type { AttributeValueUpdate } from '../../generated/types.js';
import type { AttributeValue, Item } from '../types.js';
import { typeOf, validateValue, valueSize } from '../values/index.js';
import {
  addNotSupportedForType,
  attributeUpdateNull,
  deleteNotSupportedForType,
  TYPE_MISMATCH_FOR_UPDATE,
  updateTooLarge,
  valueRequiredForAction,
} from './messages.js';

/** DynamoDB's item size limit, 400 KB. https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items */
const MAX_ITEM_BYTES = 400 * 1024;

/** What applyUpdate says for a type clash; applyAttributeUpdates rewords it. */
const EXPRESSION_TYPE_MISMATCH = 'An operand in the update expression has an incorrect data type';

const ADDABLE = new Set(['N', 'SS', 'NS', 'BS', 'L']);
const DELETABLE = new Set(['SS', 'NS', 'BS']);

export function compileAttributeUpdates(updates: Record<string, AttributeValueUpdate | null>): UpdateExpression {
  const actions: UpdateAction[] = [];
  let size = 0;
  for (const name of Object.keys(updates)) {
    const update = updates[name];
    if (update === undefined || update === null) throw attributeUpdateNull(name);
    const value = update.Value === undefined || update.Value === null ? undefined : validateValue(update.Value);
    const action = update.Action ?? 'PUT';
    actions.push(actionFor(name, action, value));
    if (action !== 'DELETE') {
      size += Buffer.byteLength(name, 'utf8') + valueSize(value as AttributeValue);
      if (size > MAX_ITEM_BYTES) throw updateTooLarge();
    }
  }
  return { actions };
}

function actionFor(name: string, action: string, value: AttributeValue | undefined): UpdateAction {
  if (value === undefined) {
    if (action !== 'DELETE') throw valueRequiredForAction();
    return { action: 'REMOVE', path: [name] };
  }
  const type = typeOf(value);
  switch (action) {
    case 'DELETE':
      if (!DELETABLE.has(type)) throw deleteNotSupportedForType(type);
      return { action: 'DELETE', path: [name], value };
    case 'ADD':
      if (!ADDABLE.has(type)) throw addNotSupportedForType(type);
      if (type !== 'L') return { action: 'ADD', path: [name], value };
      return {
        action: 'SET',
        path: [name],
        value: {
          kind: 'list_append',
          first: { kind: 'if_not_exists', path: [name], fallback: { kind: 'value', value: { L: [] } } },
          second: { kind: 'value', value },
        },
      };
    default:
      return { action: 'SET', path: [name], value: { kind: 'value', value } };
  }
}

/**
 * applyUpdate for an update compiled from AttributeUpdates: the same new item, and DynamoDB's
 * legacy message when an ADD or DELETE meets an attribute of another type (an ADD of a list to a
 * non-list included).
 */
export function applyAttributeUpdates(update: UpdateExpression, item: Item | undefined, key: Item): Item {
  try {
    return applyUpdate(update, item, key);
  } catch (e) {
    if (isServiceError(e) && e.message === EXPRESSION_TYPE_MISMATCH) throw validationError(TYPE_MISMATCH_FOR_UPDATE);
    throw e;
  }
}
