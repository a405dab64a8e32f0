/**
 * DynamoDB's storage: the only place with the service's SQL (schema in schema.ts).
 *
 * THE API THE ITEM OPERATIONS AND THE STREAMS API USE
 *
 *   const store: DynamoStore = ctx.store;   // one instance per Database (dynamoStoreFor)
 *   const scope = { accountId: ctx.accountId, region: ctx.region };
 *
 * Tables
 *   store.tables.get(scope, name): TableRecord | undefined        cached; never mutate the record
 *   store.tables.current(table): TableRecord | undefined          latest definition (inside a write)
 *   TableRecord (domain/table-model.ts): key (KeySchema), indexes (IndexDefinition[]: kind LSI|GSI,
 *   key, projection), attributeDefinitions, stream (StreamSettings | undefined), ttl, …
 *
 * Reads (outside or inside a write; synchronous)
 *   store.get(table, key: Item): Item | undefined
 *   store.getStored / queryStored / scanStored: the same as StoredItems (stored-item.ts), decoded
 *     only when asked, so an answer can carry the stored wire JSON as is
 *   store.query(request: QueryRequest): Generator<Item>           one partition, sort key order
 *     QueryRequest { table, indexName?, partitionKey: AttributeValue, sortKey?: SortKeyCondition,
 *                    forward?: boolean (ScanIndexForward), exclusiveStartKey?: Item, limit?: number }
 *     SortKeyCondition = { op: 'EQ'|'LT'|'LE'|'GT'|'GE', value } | { op: 'BETWEEN', low, high }
 *                      | { op: 'BEGINS_WITH', prefix }
 *   store.scan(request: ScanRequest): Generator<Item>             hash order; a segment is a hash range
 *     ScanRequest { table, indexName?, segment?, totalSegments?, exclusiveStartKey?: Item, limit? }
 *   Both yield whole base items lazily, page by page (O(log n + items read)); stop iterating at
 *   Limit or 1 MB. Index reads: apply projectForIndex (domain/table-projection.ts) and build
 *   LastEvaluatedKey with indexPageKeyOf (domain/table-keys.ts). An exclusiveStartKey that lacks
 *   a key attribute throws ValidationException "The provided starting key is invalid: …".
 *
 * Writes (only inside store.write; synchronous)
 *   store.write<T>(fn: () => T): Promise<T>     one atomic, durable Database.write (group commit);
 *                                               throw inside fn to roll back everything fn did
 *   store.put(table, item: Item, options?: WriteOptions): WriteResult       PutItem/UpdateItem
 *   store.delete(table, key: Item, options?: WriteOptions): WriteResult     DeleteItem
 *     WriteOptions { previous?: Item | null (already read in this write: saves a lookup),
 *                    userIdentity?: StreamUserIdentity }
 *     WriteResult { previous: Item | undefined (ALL_OLD), changed: boolean }
 *   Each put/delete maintains, in the same transaction: the item, every LSI/GSI entry (sparse),
 *   ItemCount/TableSizeBytes and per-index counters, the TTL expiry, and the stream record
 *   (INSERT/MODIFY/REMOVE with the view type's images) when the table's stream is enabled. A put of
 *   an identical item or a delete of a missing one changes nothing and writes no record.
 *   The store does not validate items (types, sizes, index key types): the operations do first.
 *   Transactions: TransactWriteItems = one store.write whose fn checks every condition (store.get)
 *   and then puts/deletes, or throws TransactionCanceledException; BatchWriteItem = one store.write.
 *
 * Streams (store.streams: StreamLog; records are StoredStreamRecord)
 *   byArn(arn) · list(scope, { tableName?, exclusiveStartArn?, limit, nowMs }) → StoredStream[]
 *   trimHorizon(streamId, nowMs) → seq | undefined · latestSeq(streamId) → seq (0: none yet)
 *   records(streamId, fromSeq (inclusive), limit, nowMs) → StoredStreamRecord[]
 *   Sequence numbers, shard ids, labels: domain/table-streams.ts (formatSequenceNumber,
 *   parseSequenceNumber, shardIdOf). One shard per stream; closedAt set = shard closed.
 *   toStreamRecord(stream, record) and describeStream(store.streams, stream, nowMs)
 *   (stream-records.ts) give the dynamodbstreams wire Record and StreamDescription.
 *
 * ClientRequestTokens (store.transactionTokens: TransactionTokenStore, transaction-tokens.ts)
 *   find(scope, token, nowMs) → { fingerprint, result?, expiresAtMs } | undefined (expired: undefined)
 *   put(scope, token, fingerprint, result: string | undefined, expiresAtMs)   inside the
 *     transaction's own store.write, so the token is durable exactly when the transaction is.
 *   Expired rows are purged by the sweep (sweeps.ts). Operations use the wrapper
 *   operations/items/transaction-tokens.ts, which applies the 10-minute window and the mismatch error.
 *
 * Backups (store.backups: BackupStore, backups.ts; records are BackupRecord, domain/backup-model.ts)
 *   create(table, { arn, name, createdAt }) → BackupRecord        inside a write: definition,
 *     counters and a copy of every item row, one consistent snapshot
 *   get(scope, arn) · list(scope, BackupFilter) (creation time, then ARN) · delete(backup)
 *   restoreInto(backup, table)   inside the write that created `table` (store.admin.create):
 *     copies the items, sets the counters, fills every index of `table`
 */
import type { Clock } from '../../../shared/clock.js';
import type { Database } from '../../../storage/index.js';
import type { ServiceEnvironment } from '../../service.js';
import type { TableRecord } from '../domain/table-model.js';
import type { Item } from '../domain/types.js';
import { BackupStore } from './backups.js';
import { ItemReader, type QueryRequest, type ScanRequest } from './item-reads.js';
import { ItemWriter, type WriteOptions, type WriteResult } from './items.js';
import { StreamLog } from './streams.js';
import { TableAdmin } from './table-admin.js';
import { TableCatalog } from './tables.js';
import type { StoredItem } from './stored-item.js';
import { HotItems } from './hot-items.js';
import { TransactionTokenStore } from './transaction-tokens.js';

export { migrations } from './schema.js';
export type { BackupFilter, BackupStore } from './backups.js';
export type { QueryRequest, ScanRequest, SortKeyCondition } from './item-reads.js';
export type { WriteOptions, WriteResult } from './items.js';
export { StoredItem, wireItem } from './stored-item.js';
export type { StoredStream, StoredStreamRecord, StreamEventName } from './streams.js';
export type { NewIndex, NewTable } from './table-admin.js';
export type { TableCounters, Counter } from './tables.js';
export type { StoredTransactionToken, TransactionTokenStore } from './transaction-tokens.js';
export { describeStream, toStreamRecord, type StreamsWireDescription, type StreamsWireRecord } from './stream-records.js';

export class DynamoStore {
  readonly tables: TableCatalog;
  readonly streams: StreamLog;
  readonly items: ItemWriter;
  readonly reads: ItemReader;
  readonly admin: TableAdmin;
  readonly transactionTokens: TransactionTokenStore;
  readonly backups: BackupStore;
  /** Items read lately (GetItem of a hot key): hot-items.ts. */
  private readonly hot: HotItems;
  /** `host:port` of this Nimbus, for DescribeEndpoints (set when Nimbus starts serving). */
  endpointAddress = 'localhost:4566';

  constructor(
    readonly db: Database,
    readonly clock: Clock,
  ) {
    this.tables = new TableCatalog(db);
    this.streams = new StreamLog(db);
    this.hot = new HotItems(db);
    this.items = new ItemWriter(db, this.tables, this.streams, clock, this.hot);
    this.reads = new ItemReader(db, this.hot);
    this.admin = new TableAdmin(db, this.tables, this.items.entries, this.streams, this.hot);
    this.transactionTokens = new TransactionTokenStore(db);
    this.backups = new BackupStore(db, this.tables, this.items.entries);
  }

  /**
   * Runs `fn` atomically and durably: one savepoint of a group-committed Database.write. When fn
   * throws, everything it wrote is rolled back and the table cache is dropped (it may hold a
   * definition the rollback undid).
   */
  write<T>(fn: () => T): Promise<T> {
    return this.db
      .write(() => {
        try {
          return fn();
        } catch (e) {
          this.tables.forgetAll();
          throw e;
        }
      })
      .catch((e: unknown) => {
        this.tables.forgetAll();
        throw e;
      });
  }

  get(table: TableRecord, key: Item): Item | undefined {
    return this.reads.get(table, key);
  }

  getStored(table: TableRecord, key: Item): StoredItem | undefined {
    return this.reads.getStored(table, key);
  }

  query(request: QueryRequest): Generator<Item> {
    return this.reads.query(request);
  }

  /** Query and Scan as StoredItems, decoded only when asked (stored-item.ts). */
  queryStored(request: QueryRequest): Generator<StoredItem> {
    return this.reads.queryStored(request);
  }

  scanStored(request: ScanRequest): Generator<StoredItem> {
    return this.reads.scanStored(request);
  }

  scan(request: ScanRequest): Generator<Item> {
    return this.reads.scan(request);
  }

  put(table: TableRecord, item: Item, options?: WriteOptions): WriteResult {
    return this.items.put(table, item, options);
  }

  delete(table: TableRecord, key: Item, options?: WriteOptions): WriteResult {
    return this.items.delete(table, key, options);
  }
}

const STORES = new WeakMap<Database, DynamoStore>();

/**
 * The one store of a database. The DynamoDB and DynamoDB Streams services share it, so the
 * stream sequence counters and the table cache have a single owner.
 */
export function dynamoStoreFor(env: Pick<ServiceEnvironment, 'db' | 'clock'>): DynamoStore {
  let store = STORES.get(env.db);
  if (!store) {
    store = new DynamoStore(env.db, env.clock);
    STORES.set(env.db, store);
  }
  return store;
}

export const createStore = dynamoStoreFor;
