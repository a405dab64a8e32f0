import { BATCH_GET_RESPONSE_BYTES } from '../../domain/batch-rules.js';
import { parseBatchGet } from '../../domain/batch-get.js';
import { CapacityMeters } from '../../domain/capacity.js';
import { projectItem } from '../../domain/expressions/index.js';
import { chargeRead } from '../../domain/item-capacity.js';
import { checkKeyAgainstSchema } from '../../domain/item-rules.js';
import type { Item } from '../../domain/types.js';
import { itemSize } from '../../domain/values/index.js';
import type { BatchGetItemInput, BatchGetItemOutput, KeysAndAttributes } from '../../generated/types.js';
import type { Ctx } from '../table-lookup.js';
import { requireItemTable } from './item-table.js';

/**
 * Reads up to 100 items from one or more tables, each table with its own projection and
 * ConsistentRead. All reads happen at one moment (a consistent snapshot). Items come back in no
 * particular order, as AWS's do (Nimbus keeps request order). Past 16 MB of response, the
 * remaining keys come back as UnprocessedKeys, as AWS returns them; otherwise UnprocessedKeys is {}.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html
 */
export function batchGetItem(input: BatchGetItemInput, ctx: Ctx): BatchGetItemOutput {
  const requests = parseBatchGet(input.RequestItems);
  const tables = requests.map((r) => requireItemTable(ctx, r.tableName));
  requests.forEach((r, i) => r.keys.forEach((key) => checkKeyAgainstSchema(tables[i]!, key)));

  const responses: Record<string, Item[]> = {};
  const unprocessed: Record<string, KeysAndAttributes> = {};
  const meters = new CapacityMeters(input.ReturnConsumedCapacity);
  let bytes = 0;
  requests.forEach((r, i) => {
    const found: Item[] = (responses[r.tableName] = []);
    const meter = meters.of(r.tableName);
    r.keys.forEach((key, k) => {
      const item = bytes < BATCH_GET_RESPONSE_BYTES ? ctx.store.get(tables[i]!, key) : undefined;
      const shown = item && (r.projection ? projectItem(r.projection, item) : item);
      const size = shown ? itemSize(shown) : 0;
      if (bytes >= BATCH_GET_RESPONSE_BYTES || (bytes > 0 && bytes + size > BATCH_GET_RESPONSE_BYTES)) {
        (unprocessed[r.tableName] ??= { ...r.request, Keys: [] }).Keys.push(r.request.Keys[k]!);
        return;
      }
      chargeRead(meter, item, r.consistent);
      if (shown) found.push(shown);
      bytes += size;
    });
  });
  const output: BatchGetItemOutput = { Responses: responses, UnprocessedKeys: unprocessed };
  const consumed = meters.results();
  if (consumed) output.ConsumedCapacity = consumed;
  return output;
}
