import { toStreamRecord, type StoredStreamRecord } from '../dynamodb-store.js';
import { expiredIterator, invalidShardIterator, limitTooHigh, trimmedDataAccess } from '../domain/errors.js';
import { decodeShardIterator, encodeShardIterator, isExpired, ITERATOR_LIFETIME_MS } from '../domain/shard-iterator.js';
import { isTrimmed, readToEnd } from '../domain/shard-positions.js';
import { parseStreamArn } from '../domain/stream-arn.js';
import type { GetRecordsInput, GetRecordsOutput } from '../generated/types.js';
import { requireShard, requireStream, shardState, type Ctx } from './stream-lookup.js';

/** "The upper limit is 1000" (GetRecords' Limit); also the default. */
const MAX_LIMIT = 1000;
/** "GetRecords can retrieve a maximum of 1 MB of data or 1000 stream records, whichever comes first." */
const MAX_BYTES = 1024 * 1024;
/** Records read per query. */
const BATCH = 100;

/**
 * The records at the iterator's position, in commit order (so each item's changes in the order they
 * were made), at most `Limit` and 1 MB, and the iterator for what follows. The next iterator stays
 * where it was when there is nothing new, so a poller keeps calling GetRecords with it; once a
 * closed shard (stream disabled, table deleted) has been read to its end, NextShardIterator is
 * absent. Errors: ExpiredIteratorException (older than 15 minutes), TrimmedDataAccessException
 * (its records aged past 24 hours before it was used), ResourceNotFoundException (the stream is gone).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html
 */
export function getRecords(input: GetRecordsInput, ctx: Ctx): GetRecordsOutput {
  const limit = input.Limit ?? MAX_LIMIT;
  if (limit > MAX_LIMIT) throw limitTooHigh(limit, MAX_LIMIT);
  const position = decodeShardIterator(input.ShardIterator);
  // An iterator names its stream by ARN; one that is no stream ARN was not issued by Nimbus.
  if (!position || !parseStreamArn(position.streamArn)) throw invalidShardIterator();
  const nowMs = ctx.now().getTime();
  if (isExpired(position, nowMs)) throw expiredIterator(position.issuedAt, nowMs, ITERATOR_LIFETIME_MS);
  const stream = requireStream(ctx, position.streamArn);
  requireShard(stream, position.shardId);
  const shard = shardState(ctx, stream);
  if (isTrimmed(position.next, position.latest, shard)) throw trimmedDataAccess();

  const records = readPage(ctx, stream.id, position.next, limit, nowMs);
  // Nothing below the first readable record can be read any more (what is there are numbers of
  // rolled-back writes), so an iterator that read nothing moves up to it.
  const next = Math.max(records.length ? records[records.length - 1]!.seq + 1 : position.next, shard.firstReadable);
  const out: GetRecordsOutput = { Records: records.map((r) => toStreamRecord(stream, r)) };
  if (!readToEnd(next, stream.closedAt !== undefined, shard)) {
    out.NextShardIterator = encodeShardIterator({ streamArn: stream.arn, shardId: position.shardId, next, latest: shard.latest, issuedAt: nowMs });
  }
  return out;
}

/**
 * Up to `limit` records from `from`, stopping before the one that would pass 1 MB (always at least
 * one). Read in batches sized by what fits, so large records are never decoded by the thousand.
 */
function readPage(ctx: Ctx, streamId: number, from: number, limit: number, nowMs: number): StoredStreamRecord[] {
  const out: StoredStreamRecord[] = [];
  let total = 0;
  let largest = 1;
  let cursor = from;
  while (out.length < limit) {
    const want = Math.max(1, Math.min(limit - out.length, BATCH, Math.floor((MAX_BYTES - total) / largest) + 1));
    const batch = ctx.store.records(streamId, cursor, want, nowMs);
    for (const r of batch) {
      if (out.length && total + r.SizeBytes > MAX_BYTES) return out;
      total += r.SizeBytes;
      largest = Math.max(largest, r.SizeBytes);
      out.push(r);
    }
    if (batch.length < want) return out;
    cursor = batch[batch.length - 1]!.seq + 1;
  }
  return out;
}
