import { checkExpressionMixing, compileItemRequest } from '../../domain/item-requests.js';
import { checkPutAgainstSchema, checkPutDeleteReturnValues, validatePutInput } from '../../domain/item-rules.js';
import { primaryKeyOf } from '../../domain/table-keys.js';
import type { PutItemInput, PutItemOutput } from '../../generated/types.js';
import type { Ctx } from '../table-lookup.js';
import { requireItemTable, writeAnswer, writeOneItem } from './item-table.js';

/**
 * Creates or replaces an item, optionally under a condition (ConditionExpression or Expected).
 * The request is checked before the table is looked up (mixing rules, values, ReturnValues, 400
 * KB, expressions), then against the table's key and index schema.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html
 */
export async function putItem(input: PutItemInput, ctx: Ctx): Promise<PutItemOutput> {
  checkExpressionMixing(input, 'PutItem');
  const item = validatePutInput(input.Item);
  checkPutDeleteReturnValues(input.ReturnValues);
  const compiled = compileItemRequest(input, 'PutItem');
  const table = requireItemTable(ctx, input.TableName);
  checkPutAgainstSchema(table, item);

  const key = primaryKeyOf(table, item);
  const step = { key, action: { kind: 'put' as const, item }, condition: compiled.condition };
  const { before } = await writeOneItem(ctx, table, step, input.ReturnValuesOnConditionCheckFailure);

  return writeAnswer(input, table, key, before, item);
}
