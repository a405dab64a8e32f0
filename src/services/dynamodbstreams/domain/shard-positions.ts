/**
 * Where each iterator type starts reading, and when a position has been trimmed. Pure: works on
 * record numbers (1, 2, 3 … per stream; dynamodb/domain/table-streams.ts maps them to and from
 * sequence numbers).
 *
 * A shard's state is two numbers: `latest`, the highest record number issued so far (0: none), and
 * `firstReadable`, the first record still within the 24-hour retention (`latest + 1` when none is).
 * Records below `firstReadable` have been trimmed.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetShardIterator.html
 */

export type IteratorType = 'TRIM_HORIZON' | 'LATEST' | 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER';

export interface ShardState {
  latest: number;
  firstReadable: number;
}

/** Where reading starts, or why it cannot: `invalid` (not a record of this shard) or `trimmed`. */
export type StartingPosition = { next: number } | { error: 'invalid' | 'trimmed' };

/** Whether the iterator type takes a SequenceNumber (and then requires one). */
export function takesSequenceNumber(type: IteratorType): boolean {
  return type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER';
}

/**
 * - TRIM_HORIZON: the oldest record still kept.
 * - LATEST: just after the newest record, so only records written from now on are read.
 * - AT_SEQUENCE_NUMBER n: at n. n may be the number the next record will get (DescribeStream's
 *   StartingSequenceNumber of a shard with nothing readable yet), not beyond.
 * - AFTER_SEQUENCE_NUMBER n: after n, which must have been issued.
 * A position below `firstReadable` whose records existed is trimmed: TrimmedDataAccessException.
 */
export function startingPosition(type: IteratorType, record: number | undefined, shard: ShardState): StartingPosition {
  switch (type) {
    case 'TRIM_HORIZON':
      return { next: shard.firstReadable };
    case 'LATEST':
      return { next: shard.latest + 1 };
    case 'AT_SEQUENCE_NUMBER':
    case 'AFTER_SEQUENCE_NUMBER': {
      if (record === undefined || record < 1) return { error: 'invalid' };
      const next = type === 'AT_SEQUENCE_NUMBER' ? record : record + 1;
      if (next > shard.latest + 1) return { error: 'invalid' };
      if (next < shard.firstReadable) return { error: 'trimmed' };
      return { next };
    }
  }
}

/**
 * Whether an iterator's position has been trimmed since it was issued: it points below the first
 * readable record, at records that existed when it was issued (`latestAtIssue`). A position after
 * `latestAtIssue` only ever sees records written after the iterator, which are younger than it.
 */
export function isTrimmed(next: number, latestAtIssue: number, shard: ShardState): boolean {
  return next < shard.firstReadable && next <= latestAtIssue;
}

/**
 * Whether a reader at `next` has read everything a closed shard will ever hold: GetRecords then
 * answers without a NextShardIterator, which is how a reader learns the shard ended.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html
 */
export function readToEnd(next: number, closed: boolean, shard: ShardState): boolean {
  return closed && next > shard.latest;
}
