/**
 * The background sweeps (run by store/background.ts, callable directly with any time by tests):
 *
 * - TTL: deletes items whose TTL attribute is epoch seconds in the past (but not more than five
 *   years: domain/table-ttl.ts), each through the ordinary delete so indexes, counters and the
 *   stream stay exact; the stream record is a REMOVE whose userIdentity is the DynamoDB service,
 *   which is how consumers tell expirations from deletes.
 *   https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-streams.html
 * - Streams: drops records older than 24 hours and streams closed more than 24 hours ago.
 * - ClientRequestTokens: removes records whose 10-minute window has passed (reads already ignore
 *   them; this only keeps the table small).
 *
 * Work is done in batches, one `Database.write` each, so a sweep never holds the database for long.
 */
import { TTL_SERVICE_IDENTITY } from '../domain/table-streams.js';
import { expiryWindow } from '../domain/table-ttl.js';
import { decodeItem } from '../domain/values/index.js';
import type { DynamoStore } from './index.js';

const BATCH = 500;

export interface SweepReport {
  expiredItems: number;
  trimmedRecords: number;
  expiredTokens: number;
}

/** Deletes every expired item (as of `nowMs`) of every table with TTL enabled. */
export async function sweepExpiredItems(store: DynamoStore, nowMs: number): Promise<number> {
  const { from, to } = expiryWindow(nowMs);
  let deleted = 0;
  for (const candidate of store.tables.withTtlEnabled()) {
    for (;;) {
      const n = await store.write(() => {
        const table = store.tables.current(candidate);
        if (!table?.ttl?.enabled) return 0;
        const rows = store.db
          .prepare(`SELECT body FROM dynamodb_items WHERE table_id = ? AND expires IS NOT NULL AND expires >= ? AND expires <= ? LIMIT ${BATCH}`)
          .all(table.id, from, to) as { body: Buffer }[];
        for (const row of rows) {
          const item = decodeItem(row.body);
          store.items.delete(table, item, { previous: item, userIdentity: TTL_SERVICE_IDENTITY });
        }
        return rows.length;
      });
      deleted += n;
      if (n < BATCH) break;
    }
  }
  return deleted;
}

/** Removes stream records and streams past their 24-hour retention. */
export function trimStreams(store: DynamoStore, nowMs: number): Promise<number> {
  return store.write(() => store.streams.trim(nowMs));
}

/** Removes ClientRequestToken records expired at `nowMs`, a batch per write. */
export async function purgeTransactionTokens(store: DynamoStore, nowMs: number): Promise<number> {
  let purged = 0;
  for (;;) {
    const n = await store.write(() => store.transactionTokens.purge(nowMs, BATCH));
    purged += n;
    if (n < BATCH) return purged;
  }
}

export async function sweep(store: DynamoStore, nowMs: number): Promise<SweepReport> {
  const expiredItems = await sweepExpiredItems(store, nowMs);
  const trimmedRecords = await trimStreams(store, nowMs);
  const expiredTokens = await purgeTransactionTokens(store, nowMs);
  return { expiredItems, trimmedRecords, expiredTokens };
}
