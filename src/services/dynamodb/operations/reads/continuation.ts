/**
 * Whether a Query or Scan page that stopped at Limit or 1 MB answers a LastEvaluatedKey.
 *
 * DynamoDB decides by looking at the next item in storage order, not at the request's range
 * alone: when the next stored item is in the range read, there is more; when it lies outside the
 * range (another partition, a sort key past the condition, another parallel-scan segment), the
 * read is complete and no key is returned; when there is no next item at all (the end of the
 * table), it cannot tell and returns the key, so the next request comes back empty. Recorded
 * against DynamoDB by dynalite's query tests (a partition read exactly to its Limit answers a key
 * when it is the last partition in storage, none otherwise) and aws-sdk-js#1981/#3290 (Limit equal
 * to the items of a query: a key on some tables, none on others).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
 *
 * Every look-ahead is one B-tree seek (O(log n)).
 */
import { indexPageKeyOf, primaryKeyOf } from '../../domain/table-keys.js';
import type { IndexDefinition, TableRecord } from '../../domain/table-model.js';
import type { AttributeValue, Item } from '../../domain/types.js';
import { valuesEqual } from '../../domain/values/index.js';
import type { DynamoStore, QueryRequest, ScanRequest } from '../../store/index.js';

/** The key LastEvaluatedKey holds for an item: the table's key, plus the index's for an index read. */
export function pageKeyOf(table: TableRecord, index: IndexDefinition | undefined, item: Item): Item {
  return index ? indexPageKeyOf(table, index, item) : primaryKeyOf(table, item);
}

/**
 * After a Query page stopped: `source` is the page's own iterator (it yields the next item in
 * range, if any), `last` the last item read.
 */
export function queryContinues(store: DynamoStore, request: QueryRequest, index: IndexDefinition | undefined, source: Iterator<unknown>, last: Item): boolean {
  if (!source.next().done) return true;
  const { table, indexName } = request;
  const after = pageKeyOf(table, index, last);
  if (request.forward !== false) {
    // Storage order is scan order: the next stored item, wherever it is (only whether there is one:
    // the stored forms are never decoded).
    return store.scanStored({ table, indexName, exclusiveStartKey: after, limit: 1 }).next().done === true;
  }
  // Backwards: an item of the partition below the sort key range, or any partition stored before this one.
  if (!store.queryStored({ ...request, sortKey: undefined, exclusiveStartKey: after, limit: 1 }).next().done) return false;
  const first = store.scan({ table, indexName, limit: 1 }).next();
  if (first.done) return true;
  const hashName = (index ?? table).key.hash.name;
  return valuesEqual(first.value[hashName] as AttributeValue, request.partitionKey);
}

/** After a Scan page stopped (see queryContinues). */
export function scanContinues(store: DynamoStore, request: ScanRequest, index: IndexDefinition | undefined, source: Iterator<unknown>, last: Item): boolean {
  if (!source.next().done) return true;
  if (request.totalSegments === undefined || request.totalSegments <= 1) return true;
  const { table, indexName } = request;
  return store.scanStored({ table, indexName, exclusiveStartKey: pageKeyOf(table, index, last), limit: 1 }).next().done === true;
}
