import { CapacityMeters } from '../../domain/capacity.js';
import { chargeRead, chargeWrite } from '../../domain/item-capacity.js';
import { itemCollectionMetrics } from '../../domain/item-results.js';
import type { TableRecord } from '../../domain/table-model.js';
import { bindTransactWrite, parseTransactWrite } from '../../domain/transact-write.js';
import { requestFingerprint, transactionCanceled } from '../../domain/transactions.js';
import type { ItemCollectionMetrics, TransactWriteItemsInput, TransactWriteItemsOutput } from '../../generated/types.js';
import type { Ctx } from '../table-lookup.js';
import { requireItemTable } from './item-table.js';
import { commitTransaction } from './transaction-commit.js';

/**
 * Up to 100 Put/Update/Delete/ConditionCheck actions over any tables, all or nothing: one
 * store.write reads every item, decides every action, and writes only when all pass; otherwise
 * TransactionCanceledException with a reason per action. Transactions never conflict locally
 * (writes are serialized), so TransactionConflict never occurs. ClientRequestToken makes a
 * repeat within 10 minutes a no-op (transaction-tokens.ts).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 */
export async function transactWriteItems(input: TransactWriteItemsInput, ctx: Ctx): Promise<TransactWriteItemsOutput> {
  const parsed = parseTransactWrite(input.TransactItems);
  const tables = new Map<string, TableRecord>();
  for (const a of parsed) if (!tables.has(a.tableName)) tables.set(a.tableName, requireItemTable(ctx, a.tableName));
  const actions = bindTransactWrite(parsed, (name) => tables.get(name)!);

  const token = input.ClientRequestToken;
  const result = await commitTransaction(ctx, actions, token, token === undefined ? '' : requestFingerprint(input));
  if ('reasons' in result) throw transactionCanceled(result.reasons);

  const meters = new CapacityMeters(input.ReturnConsumedCapacity);
  const metrics: Record<string, ItemCollectionMetrics[]> = {};
  actions.forEach((a, i) => {
    const meter = meters.of(a.tableName);
    // A repeated request reads the items instead of writing them, and is charged so.
    if ('replay' in result) chargeRead(meter, result.reads[i], true, true);
    else if (a.kind === 'ConditionCheck') chargeRead(meter, result.writes[i]!.before, true, true);
    else chargeWrite(meter, a.table, result.writes[i]!.before, result.writes[i]!.next, true);
    const m = a.kind === 'ConditionCheck' ? undefined : itemCollectionMetrics(a.table, input.ReturnItemCollectionMetrics, a.key);
    if (m) (metrics[a.tableName] ??= []).push(m);
  });
  const output: TransactWriteItemsOutput = {};
  const consumed = meters.results();
  if (consumed) output.ConsumedCapacity = consumed;
  if (input.ReturnItemCollectionMetrics === 'SIZE') output.ItemCollectionMetrics = metrics;
  return output;
}
