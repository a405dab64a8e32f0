import { checkExpressionMixing, compileItemRequest } from '../../domain/item-requests.js';
import { checkKeyAgainstSchema, checkPutDeleteReturnValues, validateKeyInput } from '../../domain/item-rules.js';
import type { DeleteItemInput, DeleteItemOutput } from '../../generated/types.js';
import type { Ctx } from '../table-lookup.js';
import { requireItemTable, writeAnswer, writeOneItem } from './item-table.js';

/**
 * Deletes one item by its primary key, optionally under a condition. Deleting an item that is
 * not there succeeds (and changes nothing), unless the condition needs the item.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html
 */
export async function deleteItem(input: DeleteItemInput, ctx: Ctx): Promise<DeleteItemOutput> {
  checkExpressionMixing(input, 'DeleteItem');
  const key = validateKeyInput(input.Key);
  checkPutDeleteReturnValues(input.ReturnValues);
  const compiled = compileItemRequest(input, 'DeleteItem');
  const table = requireItemTable(ctx, input.TableName);
  checkKeyAgainstSchema(table, key);

  const step = { key, action: { kind: 'delete' as const }, condition: compiled.condition };
  const { before } = await writeOneItem(ctx, table, step, input.ReturnValuesOnConditionCheckFailure);

  return writeAnswer(input, table, key, before, undefined);
}
