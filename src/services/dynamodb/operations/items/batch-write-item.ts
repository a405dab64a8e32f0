import { CapacityMeters } from '../../domain/capacity.js';
import { bindBatchWrite, parseBatchWrite } from '../../domain/batch-write.js';
import { chargeWrite } from '../../domain/item-capacity.js';
import { itemIdentity } from '../../domain/item-identity.js';
import { itemCollectionMetrics } from '../../domain/item-results.js';
import type { TableRecord } from '../../domain/table-model.js';
import type { BatchWriteItemInput, BatchWriteItemOutput, ItemCollectionMetrics } from '../../generated/types.js';
import type { Ctx } from '../table-lookup.js';
import { requireItemTable } from './item-table.js';

/**
 * Puts and deletes up to 25 items over one or more tables, all in one atomic store.write (AWS
 * applies each request on its own; doing them together is a stronger guarantee that no client
 * can tell apart). Nothing is ever throttled locally, so UnprocessedItems is always {}.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
 */
export async function batchWriteItem(input: BatchWriteItemInput, ctx: Ctx): Promise<BatchWriteItemOutput> {
  const requests = parseBatchWrite(input.RequestItems);
  const tables = new Map<string, TableRecord>();
  for (const name of Object.keys(input.RequestItems)) tables.set(name, requireItemTable(ctx, name));
  const steps = bindBatchWrite(requests, (name) => tables.get(name)!);

  const store = ctx.store;
  const changes = await store.write(() =>
    steps.map((step) => {
      const before = store.get(step.table, step.key);
      if (step.item) store.put(step.table, step.item, { previous: before ?? null });
      else if (before) store.delete(step.table, step.key, { previous: before });
      return { step, before };
    }),
  );

  const meters = new CapacityMeters(input.ReturnConsumedCapacity);
  const metrics: Record<string, ItemCollectionMetrics[]> = {};
  const collections = new Set<string>();
  for (const name of tables.keys()) meters.of(name);
  for (const { step, before } of changes) {
    chargeWrite(meters.of(step.tableName), step.table, before, step.item);
    // One entry per item collection (partition key value) the batch touched.
    const m = itemCollectionMetrics(step.table, input.ReturnItemCollectionMetrics, step.key);
    if (!m || collections.has(itemIdentity(step.table.id, m.ItemCollectionKey!))) continue;
    collections.add(itemIdentity(step.table.id, m.ItemCollectionKey!));
    (metrics[step.tableName] ??= []).push(m);
  }
  const output: BatchWriteItemOutput = { UnprocessedItems: {} };
  const consumed = meters.results();
  if (consumed) output.ConsumedCapacity = consumed;
  if (input.ReturnItemCollectionMetrics === 'SIZE') output.ItemCollectionMetrics = metrics;
  return output;
}
