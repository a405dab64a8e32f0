/**
 * Item reads: one item by key, Query (a partition of the table or of an index, optionally within a
 * sort key range) and Scan (the table or an index, optionally one parallel segment). Query and
 * Scan yield items lazily in DynamoDB's order, so the caller stops at Limit or 1 MB having read
 * only what it returns (key-range.ts). Index reads return the whole base item: the caller applies
 * the index's projection (domain/table-projection.ts).
 */
import type { Database } from '../../../storage/index.js';
import { validationError } from '../domain/errors.js';
import { findIndex, type IndexDefinition, type TableRecord } from '../domain/table-model.js';
import type { AttributeValue, Item, KeyAttribute } from '../domain/types.js';
import { encodeKeyValue } from '../domain/values/index.js';
import { indexKeyOf, tableKeyOf } from './encoded-keys.js';
import { readRange, tighter, type KeyRange, type Limit } from './key-range.js';
import { partitionHash, segmentRange } from './partition-hash.js';
import { HotItems } from './hot-items.js';
import { StoredItem } from './stored-item.js';

/** A sort key condition of a Query (KeyConditionExpression or KeyConditions), with its values. */
export type SortKeyCondition =
  | { op: 'EQ' | 'LT' | 'LE' | 'GT' | 'GE'; value: AttributeValue }
  | { op: 'BETWEEN'; low: AttributeValue; high: AttributeValue }
  | { op: 'BEGINS_WITH'; prefix: AttributeValue };

export interface QueryRequest {
  table: TableRecord;
  /** Query this LSI or GSI instead of the table. */
  indexName?: string;
  /** The partition key value (of the index when `indexName` is set). */
  partitionKey: AttributeValue;
  sortKey?: SortKeyCondition;
  /** ScanIndexForward; default true. */
  forward?: boolean;
  /** Resume strictly after this key (a LastEvaluatedKey: the table's key, plus the index's for an index). */
  exclusiveStartKey?: Item;
  /** At most this many items are read (Limit); the caller may also simply stop iterating. */
  limit?: number;
}

export interface ScanRequest {
  table: TableRecord;
  indexName?: string;
  /** Segment and TotalSegments of a parallel scan. */
  segment?: number;
  totalSegments?: number;
  exclusiveStartKey?: Item;
  limit?: number;
}

const INVALID_START_KEY = 'The provided starting key is invalid: The provided key element does not match the schema';

// Bodies are read as text: better-sqlite3 makes a string of one faster than a Buffer (stored-item.ts).
const SELECT_ITEM = 'SELECT CAST(body AS TEXT) FROM dynamodb_items WHERE table_id = ? AND bucket = ? AND hk = ? AND rk = ?';
const ITEM_BODY = 'CAST(body AS TEXT)';
const ENTRY_BODY = 'CAST(i.body AS TEXT)';
const ITEM_QUERY = 'FROM dynamodb_items WHERE table_id = @t AND bucket = @b AND hk = @h';
const INDEX_QUERY = `FROM dynamodb_index_entries e
  JOIN dynamodb_items i ON i.table_id = @t AND i.bucket = e.tbucket AND i.hk = e.hk AND i.rk = e.rk
  WHERE e.index_id = @x AND e.bucket = @b AND e.ihk = @h`;
const ITEM_SCAN = 'FROM dynamodb_items WHERE table_id = @t';
const INDEX_SCAN = `FROM dynamodb_index_entries e
  JOIN dynamodb_items i ON i.table_id = @t AND i.bucket = e.tbucket AND i.hk = e.hk AND i.rk = e.rk
  WHERE e.index_id = @x`;

/** The smallest byte string greater than every string starting with `prefix`; undefined if none (all 0xff). */
export function prefixSuccessor(prefix: Buffer): Buffer | undefined {
  const out = Buffer.from(prefix);
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i]! < 0xff) {
      out[i]!++;
      return out.subarray(0, i + 1);
    }
  }
  return undefined;
}

/** A sort key condition as limits on the encoded sort key. */
export function sortKeyLimits(condition: SortKeyCondition | undefined, attribute: KeyAttribute | undefined): { lower?: Limit; upper?: Limit } {
  if (!condition || !attribute) return {};
  const enc = (v: AttributeValue): Buffer => encodeKeyValue(v, attribute.type);
  const at = (v: AttributeValue, inclusive: boolean): Limit => ({ kind: 'value', value: enc(v), inclusive });
  switch (condition.op) {
    case 'EQ':
      return { lower: at(condition.value, true), upper: at(condition.value, true) };
    case 'LT':
      return { upper: at(condition.value, false) };
    case 'LE':
      return { upper: at(condition.value, true) };
    case 'GT':
      return { lower: at(condition.value, false) };
    case 'GE':
      return { lower: at(condition.value, true) };
    case 'BETWEEN':
      return { lower: at(condition.low, true), upper: at(condition.high, true) };
    case 'BEGINS_WITH': {
      const prefix = enc(condition.prefix);
      const next = prefixSuccessor(prefix);
      return { lower: { kind: 'value', value: prefix, inclusive: true }, upper: next && { kind: 'value', value: next, inclusive: false } };
    }
  }
}

function indexNamed(table: TableRecord, name: string): IndexDefinition {
  const index = findIndex(table, name);
  if (!index) throw validationError(`The table does not have the specified index: ${name}`);
  return index;
}

function startPosition(compute: () => (Buffer | number)[]): Limit {
  try {
    return { kind: 'position', values: compute() };
  } catch {
    throw validationError(INVALID_START_KEY);
  }
}

export class ItemReader {
  constructor(
    private readonly db: Database,
    private readonly hot: HotItems,
  ) {}

  /** One item by its primary key (other attributes of `key` are ignored). */
  get(table: TableRecord, key: Item): Item | undefined {
    return this.getStored(table, key)?.item;
  }

  /** As `get`, not decoded until asked. */
  getStored(table: TableRecord, key: Item): StoredItem | undefined {
    const k = tableKeyOf(table, key);
    const cacheKey = HotItems.keyOf(table.id, k);
    const cached = this.hot.get(cacheKey);
    if (cached !== undefined) return new StoredItem(cached);
    const row = this.db.prepare(SELECT_ITEM).raw(true).get(table.id, k.bucket, k.hk, k.rk) as [string] | undefined;
    if (!row) return undefined;
    this.hot.remember(cacheKey, row[0]);
    return new StoredItem(row[0]);
  }

  /** The items of one partition in sort key order (reversed when `forward` is false). */
  *query(request: QueryRequest): Generator<Item> {
    for (const stored of this.queryStored(request)) yield stored.item;
  }

  /** As `query`, each item not decoded until asked. */
  *queryStored(request: QueryRequest): Generator<StoredItem> {
    const { table } = request;
    const forward = request.forward ?? true;
    const index = request.indexName === undefined ? undefined : indexNamed(table, request.indexName);
    const key = index ? index.key : table.key;
    const hk = encodeKeyValue(request.partitionKey, key.hash.type);
    const range: KeyRange = {
      from: index ? INDEX_QUERY : ITEM_QUERY,
      body: index ? ENTRY_BODY : ITEM_BODY,
      params: { t: table.id, x: index?.id, b: partitionHash(hk), h: hk },
      cols: index ? ['e.irk', 'e.hk', 'e.rk'] : ['rk'],
      forward,
      ...sortKeyLimits(request.sortKey, key.range),
    };
    if (!index) delete range.params.x;
    const esk = request.exclusiveStartKey;
    if (esk) {
      const start = startPosition(() => {
        const t = tableKeyOf(table, esk);
        if (!index) return [t.rk];
        const ik = indexKeyOf(index, esk);
        if (!ik) throw new Error('not in index');
        return [ik.irk, t.hk, t.rk];
      });
      if (forward) range.lower = tighter(range.lower, start, true);
      else range.upper = tighter(range.upper, start, false);
    }
    for (const body of readRange(this.db, range, request.limit)) yield new StoredItem(body);
  }

  /**
   * Every item of the table or index in scan order: by partition hash, then key. A segment of a
   * parallel scan is a contiguous slice of the hash space, so segments never overlap and together
   * cover the table.
   */
  *scan(request: ScanRequest): Generator<Item> {
    for (const stored of this.scanStored(request)) yield stored.item;
  }

  /** As `scan`, each item not decoded until asked. */
  *scanStored(request: ScanRequest): Generator<StoredItem> {
    const { table } = request;
    const index = request.indexName === undefined ? undefined : indexNamed(table, request.indexName);
    const range: KeyRange = {
      from: index ? INDEX_SCAN : ITEM_SCAN,
      body: index ? ENTRY_BODY : ITEM_BODY,
      params: index ? { t: table.id, x: index.id } : { t: table.id },
      cols: index ? ['e.bucket', 'e.ihk', 'e.irk', 'e.hk', 'e.rk'] : ['bucket', 'hk', 'rk'],
      forward: true,
    };
    if (request.totalSegments !== undefined && request.totalSegments > 1) {
      const { start, end } = segmentRange(request.segment ?? 0, request.totalSegments);
      range.lower = { kind: 'value', value: start, inclusive: true };
      range.upper = { kind: 'value', value: end, inclusive: false };
    }
    const esk = request.exclusiveStartKey;
    if (esk) {
      const start = startPosition(() => {
        const t = tableKeyOf(table, esk);
        if (!index) return [t.bucket, t.hk, t.rk];
        const ik = indexKeyOf(index, esk);
        if (!ik) throw new Error('not in index');
        return [ik.bucket, ik.ihk, ik.irk, t.hk, t.rk];
      });
      range.lower = tighter(range.lower, start, true);
    }
    for (const body of readRange(this.db, range, request.limit)) yield new StoredItem(body);
  }
}
