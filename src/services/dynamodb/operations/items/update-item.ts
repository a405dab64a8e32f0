import { assertUpdateSparesKey } from '../../domain/expressions/index.js';
import { checkExpressionMixing, compileItemRequest } from '../../domain/item-requests.js';
import { checkKeyAgainstSchema, validateKeyInput } from '../../domain/item-rules.js';
import type { UpdateItemInput, UpdateItemOutput } from '../../generated/types.js';
import type { Ctx } from '../table-lookup.js';
import { requireItemTable, writeAnswer, writeOneItem } from './item-table.js';

/**
 * Edits one item with an UpdateExpression (or the legacy AttributeUpdates), creating it when it
 * does not exist, optionally under a condition. Key attributes cannot be updated. The finished
 * item is checked for index key types and the 400 KB limit. ReturnValues: NONE, ALL_OLD,
 * UPDATED_OLD, ALL_NEW, UPDATED_NEW.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html
 */
export async function updateItem(input: UpdateItemInput, ctx: Ctx): Promise<UpdateItemOutput> {
  checkExpressionMixing(input, 'UpdateItem');
  const key = validateKeyInput(input.Key);
  const compiled = compileItemRequest(input, 'UpdateItem');
  const table = requireItemTable(ctx, input.TableName);
  checkKeyAgainstSchema(table, key);
  if (compiled.update) assertUpdateSparesKey(compiled.update, table.key);

  const action = { kind: 'update' as const, update: compiled.update, legacy: compiled.legacyUpdate };
  const { before, after } = await writeOneItem(ctx, table, { key, action, condition: compiled.condition }, input.ReturnValuesOnConditionCheckFailure);

  return writeAnswer(input, table, key, before, after, compiled.update);
}
