import { CapacityMeter } from '../../domain/capacity.js';
import { projectItem } from '../../domain/expressions/index.js';
import { chargeRead } from '../../domain/item-capacity.js';
import { checkExpressionMixing, compileItemRequest } from '../../domain/item-requests.js';
import { checkKeyAgainstSchema, validateKeyInput } from '../../domain/item-rules.js';
import type { GetItemInput, GetItemOutput } from '../../generated/types.js';
import type { Ctx } from '../table-lookup.js';
import { requireItemTable } from './item-table.js';

/**
 * Reads one item by its full primary key, whole or projected (ProjectionExpression or
 * AttributesToGet). Every Nimbus read is strongly consistent; ConsistentRead only changes the
 * capacity reported (eventually consistent reads cost half). No item → no Item member; an item
 * the projection leaves nothing of → `Item: {}`.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html
 */
export function getItem(input: GetItemInput, ctx: Ctx): GetItemOutput {
  checkExpressionMixing(input, 'GetItem');
  const key = validateKeyInput(input.Key);
  const compiled = compileItemRequest(input, 'GetItem');
  const table = requireItemTable(ctx, input.TableName);
  checkKeyAgainstSchema(table, key);

  const stored = ctx.store.getStored(table, key);
  const output: GetItemOutput = {};
  // Without a projection the stored wire JSON is the answer, never decoded (store/stored-item.ts).
  if (stored) output.Item = compiled.projection ? projectItem(compiled.projection, stored.item) : stored.asAnswer();
  const meter = new CapacityMeter(input.TableName, input.ReturnConsumedCapacity);
  if (meter.enabled) chargeRead(meter, stored?.item, input.ConsistentRead === true);
  const consumed = meter.result();
  if (consumed) output.ConsumedCapacity = consumed;
  return output;
}
