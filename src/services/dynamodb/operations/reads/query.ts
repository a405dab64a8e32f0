/**
 * Query: the items of one partition of a table or index, in sort key order (ScanIndexForward),
 * one page at a time. The store reads one B-tree range from the start key on, so a page costs
 * O(log n + items read) whatever the table's size.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
 */
import { toSortKeyRange } from '../../domain/expressions/index.js';
import { pagePlanFor } from '../../domain/read-plan.js';
import { readStoredPage } from '../../domain/read-pages.js';
import type { QueryInput, QueryOutput } from '../../generated/types.js';
import type { QueryRequest } from '../../store/index.js';
import type { Ctx } from '../table-lookup.js';
import { pageKeyOf, queryContinues } from './continuation.js';
import { prepareQuery } from './query-request.js';
import { pageCapacity } from './read-target.js';

export function query(input: QueryInput, ctx: Ctx): QueryOutput {
  const q = prepareQuery(input, ctx);
  const { table, index, keyCondition } = q;
  const request: QueryRequest = {
    table,
    partitionKey: keyCondition.hashValue,
    forward: input.ScanIndexForward ?? true,
    // One item beyond Limit, to tell whether the range goes on (continuation.ts).
    limit: input.Limit ? input.Limit + 1 : undefined,
  };
  if (index) request.indexName = index.name;
  if (keyCondition.range) request.sortKey = toSortKeyRange(keyCondition.range);
  if (q.startKey) request.exclusiveStartKey = q.startKey;

  const source = ctx.store.queryStored(request);
  const exactSize = input.ReturnConsumedCapacity !== undefined && input.ReturnConsumedCapacity !== 'NONE';
  const plan = pagePlanFor(table, index, q.select, q.filter, q.projection);
  plan.limit = input.Limit;
  plan.exactSize = exactSize;
  const page = readStoredPage(source, plan);

  const out: QueryOutput = { Count: page.count, ScannedCount: page.scannedCount };
  if (q.select !== 'COUNT') out.Items = page.items;
  if (page.stopped && page.last && queryContinues(ctx.store, request, index, source, page.last)) {
    out.LastEvaluatedKey = pageKeyOf(table, index, page.last);
  }
  const consumed = pageCapacity(q, page, input.ConsistentRead === true, input.ReturnConsumedCapacity);
  if (consumed) out.ConsumedCapacity = consumed;
  return out;
}
