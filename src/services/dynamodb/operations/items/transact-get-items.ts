import { CapacityMeters } from '../../domain/capacity.js';
import { projectItem } from '../../domain/expressions/index.js';
import { chargeRead } from '../../domain/item-capacity.js';
import type { TableRecord } from '../../domain/table-model.js';
import { bindTransactGet, parseTransactGet } from '../../domain/transact-get.js';
import { NO_REASON, transactionCanceled, validationReason } from '../../domain/transactions.js';
import type { ItemResponse, TransactGetItemsInput, TransactGetItemsOutput } from '../../generated/types.js';
import type { Ctx } from '../table-lookup.js';
import { requireItemTable } from './item-table.js';

/**
 * Reads up to 100 items over any tables as one atomic snapshot (the reads run back to back with
 * no write in between). Responses keep request order; a missing item is an empty response.
 * Transactional reads cost twice a strongly consistent read.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItems.html
 */
export function transactGetItems(input: TransactGetItemsInput, ctx: Ctx): TransactGetItemsOutput {
  const parsed = parseTransactGet(input.TransactItems);
  const tables = new Map<string, TableRecord>();
  for (const g of parsed) if (!tables.has(g.tableName)) tables.set(g.tableName, requireItemTable(ctx, g.tableName));
  const gets = bindTransactGet(parsed, (name) => tables.get(name)!);
  if (gets.some((g) => g.schemaError !== undefined)) {
    throw transactionCanceled(gets.map((g) => (g.schemaError === undefined ? NO_REASON : validationReason(g.schemaError))));
  }

  const items = gets.map((g) => ctx.store.get(g.table, g.key));
  const meters = new CapacityMeters(input.ReturnConsumedCapacity);
  const responses: ItemResponse[] = gets.map((g, i) => {
    const item = items[i];
    chargeRead(meters.of(g.tableName), item, true, true);
    if (!item) return {};
    return { Item: g.projection ? projectItem(g.projection, item) : item };
  });
  const output: TransactGetItemsOutput = { Responses: responses };
  const consumed = meters.results();
  if (consumed) output.ConsumedCapacity = consumed;
  return output;
}
