/**
 * ExecuteStatement's SELECT: one page of the read planSelect chooses — GetItem per key, Query per
 * partition (in the plan's order, ORDER BY included), or a Scan of the table or index — as
 * DynamoDB pages a Query or Scan: Limit counts items read before the WHERE clause filters them,
 * a page stops at 1 MB read, and the read resumes from the NextToken (domain/partiql-exec-token.ts).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteStatement.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.select.html
 *
 * Whether a page that stopped has more follows Query/Scan (operations/reads/continuation.ts):
 * the next item read says so; at the end of the last partition, DynamoDB's storage look-ahead.
 * A page with more answers NextToken and LastEvaluatedKey (the key of the last item read).
 */
import { CapacityMeter } from '../../domain/capacity.js';
import { toSortKeyRange } from '../../domain/expressions/index.js';
import { chargeRead } from '../../domain/item-capacity.js';
import { checkIndexSelect, selectFetchesFromTable } from '../../domain/partiql-exec-rules.js';
import { decodeNextToken, encodeNextToken, INVALID_NEXT_TOKEN, type ReadPosition } from '../../domain/partiql-exec-token.js';
import { consistentReadOnGsi, indexNotFound, planSelect, projectSelectItem, type SelectAccess, type SelectPlan } from '../../domain/partiql/index.js';
import { readPage, type Page } from '../../domain/read-pages.js';
import { validationError } from '../../domain/errors.js';
import { findIndex, type IndexDefinition, type TableRecord } from '../../domain/table-model.js';
import { projectForIndex } from '../../domain/table-projection.js';
import type { Item } from '../../domain/types.js';
import type { ConsumedCapacity, ReturnConsumedCapacity } from '../../generated/types.js';
import type { DynamoStore, QueryRequest } from '../../store/index.js';
import { pageKeyOf, queryContinues, scanContinues } from '../reads/continuation.js';
import { pageCapacity } from '../reads/read-target.js';
import type { Ctx } from '../table-lookup.js';
import type { StatementTables } from './statement-tables.js';

export interface SelectOptions {
  limit?: number;
  nextToken?: string;
  consistent: boolean;
  returnConsumedCapacity?: ReturnConsumedCapacity;
  /** statementBinding() of the request: what a NextToken must match. */
  binding: string;
}

export interface SelectResult {
  items: Item[];
  nextToken?: string;
  lastEvaluatedKey?: Item;
  consumedCapacity?: ConsumedCapacity;
}

/** The source of a page and where its last item came from. */
interface Reader {
  source: Iterator<Item>;
  /** The part (key or partition index) the last item yielded came from. */
  part: () => number;
  /** After a stopped page whose source is exhausted: whether DynamoDB would still answer a key. */
  endContinues: (last: Item, part: number) => boolean;
}

const EXHAUSTED: Iterator<Item> = { next: () => ({ done: true, value: undefined }) };

export function runSelect(ctx: Ctx, tables: StatementTables, plan: SelectPlan, options: SelectOptions): SelectResult {
  const table = tables.tableOf(plan.table);
  let index: IndexDefinition | undefined;
  if (plan.index !== undefined) {
    index = findIndex(table, plan.index);
    if (!index) throw indexNotFound();
    // GSIs are updated asynchronously on DynamoDB: eventually consistent reads only.
    if (index.kind === 'GSI' && options.consistent) throw consistentReadOnGsi();
    checkIndexSelect(table, index, plan);
  }
  const access = planSelect(plan, (index ?? table).key, { index: index !== undefined });
  const start: ReadPosition = options.nextToken !== undefined ? decodeNextToken(options.nextToken, options.binding) : { part: 0 };

  const gets: { part: number; item: Item | undefined }[] = [];
  const reader = readerFor(ctx.store, table, index, access, start, options.limit, gets);
  const view = index ? (item: Item): Item => projectForIndex(table, index, item) : (item: Item): Item => item;
  const output = index && selectFetchesFromTable(table, index, plan) ? 'item' : 'view';
  const page = readPage(reader.source, { limit: options.limit, view, filter: plan.filter, output });

  const result: SelectResult = { items: page.items.map((item) => projectSelectItem(plan.projection, item)) };
  const lastPart = reader.part();
  if (page.stopped && page.last) {
    const more = !reader.source.next().done || reader.endContinues(page.last, lastPart);
    if (more) {
      const startKey = pageKeyOf(table, index, page.last);
      const next: ReadPosition = access.kind === 'get' ? { part: lastPart + 1 } : { part: lastPart, startKey };
      result.nextToken = encodeNextToken(options.binding, next);
      result.lastEvaluatedKey = startKey;
    }
  }
  const consumed = access.kind === 'get' ? getCapacity(plan.table, gets, page, lastPart, options) : pageCapacity({ table, index }, page, options.consistent, options.returnConsumedCapacity);
  if (consumed) result.consumedCapacity = consumed;
  return result;
}

function readerFor(
  store: DynamoStore,
  table: TableRecord,
  index: IndexDefinition | undefined,
  access: SelectAccess,
  start: ReadPosition,
  limit: number | undefined,
  gets: { part: number; item: Item | undefined }[],
): Reader {
  // One item beyond Limit per read, to tell whether the range goes on.
  const storeLimit = limit ? limit + 1 : undefined;
  let part = start.part;
  switch (access.kind) {
    case 'get': {
      if (start.part > access.keys.length || start.startKey) throw validationError(INVALID_NEXT_TOKEN);
      const source = (function* (): Generator<Item> {
        for (let i = start.part; i < access.keys.length; i++) {
          const item = store.get(table, access.keys[i] as Item);
          gets.push({ part: i, item });
          if (!item) continue;
          part = i;
          yield item;
        }
      })();
      // Keys are read one by one: when none is left, the read is complete.
      return { source, part: () => part, endContinues: () => false };
    }
    case 'query': {
      if (start.part >= access.partitions.length) throw validationError(INVALID_NEXT_TOKEN);
      const requests = access.partitions.map((p, i): QueryRequest => {
        const request: QueryRequest = { table, partitionKey: p.hashValue, forward: access.scanForward, limit: storeLimit };
        if (index) request.indexName = index.name;
        if (p.range) request.sortKey = toSortKeyRange(p.range);
        if (i === start.part && start.startKey) request.exclusiveStartKey = start.startKey;
        return request;
      });
      const source = (function* (): Generator<Item> {
        for (let i = start.part; i < requests.length; i++) {
          for (const item of store.query(requests[i] as QueryRequest)) {
            part = i;
            yield item;
          }
        }
      })();
      const endContinues = (last: Item, lastPart: number): boolean =>
        lastPart === requests.length - 1 && queryContinues(store, requests[lastPart] as QueryRequest, index, EXHAUSTED, last);
      return { source, part: () => part, endContinues };
    }
    case 'scan': {
      if (start.part !== 0) throw validationError(INVALID_NEXT_TOKEN);
      const request = { table, indexName: index?.name, exclusiveStartKey: start.startKey, limit: storeLimit };
      return { source: store.scan(request), part: () => 0, endContinues: (last) => scanContinues(store, request, index, EXHAUSTED, last) };
    }
  }
}

/** GetItem access: each key read up to where the page stopped costs a read, found or not. */
function getCapacity(tableName: string, gets: readonly { part: number; item: Item | undefined }[], page: Page, lastPart: number, options: SelectOptions): ConsumedCapacity | undefined {
  const meter = new CapacityMeter(tableName, options.returnConsumedCapacity);
  if (!meter.enabled) return undefined;
  for (const g of gets) if (!page.stopped || g.part <= lastPart) chargeRead(meter, g.item, options.consistent);
  return meter.result();
}
