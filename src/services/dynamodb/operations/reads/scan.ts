/**
 * Scan: every item of a table or index in hash order, one page at a time; a parallel Scan's
 * segment is a contiguous slice of the hash space, so segments never overlap and together cover
 * the table exactly once.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
 */
import { pagePlanFor } from '../../domain/read-plan.js';
import { readStoredPage } from '../../domain/read-pages.js';
import type { ScanInput, ScanOutput } from '../../generated/types.js';
import type { ScanRequest } from '../../store/index.js';
import type { Ctx } from '../table-lookup.js';
import { pageKeyOf, scanContinues } from './continuation.js';
import { pageCapacity } from './read-target.js';
import { prepareScan } from './scan-request.js';

export function scan(input: ScanInput, ctx: Ctx): ScanOutput {
  const s = prepareScan(input, ctx);
  const { table, index } = s;
  // One item beyond Limit, to tell whether the range goes on (continuation.ts).
  const request: ScanRequest = { table, limit: input.Limit ? input.Limit + 1 : undefined };
  if (index) request.indexName = index.name;
  if (s.segment) {
    request.segment = s.segment.segment;
    request.totalSegments = s.segment.totalSegments;
  }
  if (s.startKey) request.exclusiveStartKey = s.startKey;

  const source = ctx.store.scanStored(request);
  const exactSize = input.ReturnConsumedCapacity !== undefined && input.ReturnConsumedCapacity !== 'NONE';
  const plan = pagePlanFor(table, index, s.select, s.filter, s.projection);
  plan.limit = input.Limit;
  plan.exactSize = exactSize;
  const page = readStoredPage(source, plan);

  const out: ScanOutput = { Count: page.count, ScannedCount: page.scannedCount };
  if (s.select !== 'COUNT') out.Items = page.items;
  if (page.stopped && page.last && scanContinues(ctx.store, request, index, source, page.last)) {
    out.LastEvaluatedKey = pageKeyOf(table, index, page.last);
  }
  const consumed = pageCapacity(s, page, input.ConsistentRead === true, input.ReturnConsumedCapacity);
  if (consumed) out.ConsumedCapacity = consumed;
  return out;
}
