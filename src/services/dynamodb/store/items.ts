/**
 * Item writes. `put` and `delete` run inside a `Database.write` (DynamoStore.write) and keep, in
 * that one transaction: the item row, every LSI/GSI entry (sparse), the table's and each index's
 * ItemCount/size counters, the TTL expiry column and — when the table has an enabled stream —
 * the stream record. A write that changes nothing (same item put again, delete of a missing item)
 * touches nothing and emits no stream record, as DynamoDB Streams does.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html
 */
import type { Database } from '../../../storage/index.js';
import type { Clock } from '../../../shared/clock.js';
import { ResourceNotFoundException } from '../generated/errors.js';
import { primaryKeyOf } from '../domain/table-keys.js';
import type { TableRecord } from '../domain/table-model.js';
import type { StreamUserIdentity } from '../domain/table-streams.js';
import { expiryOf } from '../domain/table-ttl.js';
import type { Item } from '../domain/types.js';
import { decodeItem, encodeItem, itemSize, valuesEqual } from '../domain/values/index.js';
import { indexKeyOf, sameIndexKey, tableKeyOf, type TableKey } from './encoded-keys.js';
import { HotItems } from './hot-items.js';
import { IndexEntries, projectedSize } from './index-entries.js';
import type { StreamEventName, StreamLog } from './streams.js';
import type { TableCatalog } from './tables.js';

export interface WriteOptions {
  /**
   * The item as it is now, when the caller read it in this same transaction (saves a lookup);
   * `null` when the caller knows there is none. Omit to let the store read it.
   */
  previous?: Item | null;
  /** Who made the change, for the stream record: the TTL service for expirations; omit for requests. */
  userIdentity?: StreamUserIdentity;
}

export interface WriteResult {
  /** The item before the write (ReturnValues ALL_OLD), or undefined when there was none. */
  previous: Item | undefined;
  /** False when the write changed nothing (no stream record was written). */
  changed: boolean;
}

const SELECT_BODY = 'SELECT body FROM dynamodb_items WHERE table_id = ? AND bucket = ? AND hk = ? AND rk = ?';
const UPSERT = `INSERT INTO dynamodb_items (table_id, bucket, hk, rk, body, expires) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (table_id, bucket, hk, rk) DO UPDATE SET body = excluded.body, expires = excluded.expires`;
const DELETE = 'DELETE FROM dynamodb_items WHERE table_id = ? AND bucket = ? AND hk = ? AND rk = ?';

export class ItemWriter {
  readonly entries: IndexEntries;

  constructor(
    private readonly db: Database,
    private readonly catalog: TableCatalog,
    private readonly streams: StreamLog,
    private readonly clock: Clock,
    private readonly hot: HotItems,
  ) {
    this.entries = new IndexEntries(db);
  }

  /**
   * Checks the write runs inside DynamoStore.write and returns the table's latest definition: a
   * write earlier in the same group commit may have added an index or enabled a stream since the
   * caller looked the table up.
   */
  private latest(table: TableRecord): TableRecord {
    if (!this.db.sqlite.inTransaction) throw new Error('DynamoDB item writes must run inside DynamoStore.write');
    const current = this.catalog.current(table);
    if (!current) throw new ResourceNotFoundException('Requested resource not found');
    return current;
  }

  private current(table: TableRecord, key: TableKey, previous: Item | null | undefined): Item | undefined {
    if (previous !== undefined) return previous ?? undefined;
    const row = this.db.prepare(SELECT_BODY).get(table.id, key.bucket, key.hk, key.rk) as { body: Buffer } | undefined;
    return row ? decodeItem(row.body) : undefined;
  }

  /** Creates or replaces an item (the whole item: PutItem, or UpdateItem's result). */
  put(requested: TableRecord, item: Item, options: WriteOptions = {}): WriteResult {
    const table = this.latest(requested);
    const key = tableKeyOf(table, item);
    const previous = this.current(table, key, options.previous);
    if (previous && valuesEqual({ M: previous }, { M: item })) return { previous, changed: false };
    const size = itemSize(item);
    const previousSize = previous ? itemSize(previous) : 0;
    this.hot.forget(HotItems.keyOf(table.id, key));
    this.db.prepare(UPSERT).run(table.id, key.bucket, key.hk, key.rk, encodeItem(item), expiryOf(table, item));
    this.catalog.bump(table.id, 0, previous ? 0 : 1, size - previousSize);
    this.updateIndexes(table, key, previous, previousSize, item, size);
    this.record(table, previous ? 'MODIFY' : 'INSERT', item, item, previous, options.userIdentity);
    return { previous, changed: true };
  }

  /** Deletes an item by its key (the key attributes of `key`; other attributes are ignored). */
  delete(requested: TableRecord, key: Item, options: WriteOptions = {}): WriteResult {
    const table = this.latest(requested);
    const k = tableKeyOf(table, key);
    const previous = this.current(table, k, options.previous);
    if (!previous) return { previous: undefined, changed: false };
    const previousSize = itemSize(previous);
    this.hot.forget(HotItems.keyOf(table.id, k));
    this.db.prepare(DELETE).run(table.id, k.bucket, k.hk, k.rk);
    this.catalog.bump(table.id, 0, -1, -previousSize);
    this.updateIndexes(table, k, previous, previousSize, undefined, 0);
    this.record(table, 'REMOVE', previous, undefined, previous, options.userIdentity);
    return { previous, changed: true };
  }

  private updateIndexes(table: TableRecord, key: TableKey, before: Item | undefined, beforeSize: number, after: Item | undefined, afterSize: number): void {
    for (const index of table.indexes) {
      const oldKey = before && indexKeyOf(index, before);
      const newKey = after && indexKeyOf(index, after);
      if (!oldKey && !newKey) continue;
      const same = oldKey && newKey && sameIndexKey(oldKey, newKey);
      if (oldKey && !same) this.entries.remove(index.id, oldKey, key);
      if (newKey && !same) this.entries.insert(index.id, newKey, key);
      const oldBytes = oldKey ? projectedSize(table, index, before!, beforeSize) : 0;
      const newBytes = newKey ? projectedSize(table, index, after!, afterSize) : 0;
      const count = (newKey ? 1 : 0) - (oldKey ? 1 : 0);
      if (count !== 0 || newBytes !== oldBytes) this.catalog.bump(table.id, index.id, count, newBytes - oldBytes);
    }
  }

  private record(table: TableRecord, eventName: StreamEventName, keySource: Item, newImage: Item | undefined, oldImage: Item | undefined, userIdentity?: StreamUserIdentity): void {
    const stream = table.stream;
    if (!stream?.enabled) return;
    this.streams.append(stream, { eventName, keys: primaryKeyOf(table, keySource), newImage, oldImage, userIdentity }, this.clock.now().getTime());
  }
}
