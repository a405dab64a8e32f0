import { describeStream as describeStoredStream } from '../dynamodb-store.js';
import { limitTooHigh } from '../domain/errors.js';
import type { DescribeStreamInput, DescribeStreamOutput, Shard, StreamDescription } from '../generated/types.js';
import { requireStream, type Ctx } from './stream-lookup.js';

/** "The upper limit is 100" (DescribeStream's Limit of shards); also the default. */
const MAX_LIMIT = 100;

/**
 * The stream's status (ENABLED, or DISABLED once disabled or its table deleted), view type, key
 * schema, creation time and shards. Nimbus keeps one shard per stream: its SequenceNumberRange
 * starts at the oldest record still kept and, once the stream is disabled, ends at its last
 * record (a closed shard). Shards are listed in id order after `ExclusiveStartShardId` (an id
 * the stream does not have is a position, not an error, as in AWS); `ShardFilter` CHILD_SHARDS
 * lists a shard's children, which a never-split shard does not have.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_DescribeStream.html
 */
export function describeStream(input: DescribeStreamInput, ctx: Ctx): DescribeStreamOutput {
  const limit = input.Limit ?? MAX_LIMIT;
  if (limit > MAX_LIMIT) throw limitTooHigh(limit, MAX_LIMIT);
  const stream = requireStream(ctx, input.StreamArn);
  const full = describeStoredStream(ctx.store, stream, ctx.now().getTime());
  let shards: Shard[] = full.Shards;
  if (input.ShardFilter?.Type === 'CHILD_SHARDS') shards = shards.filter((s) => s.ParentShardId !== undefined && s.ParentShardId === input.ShardFilter!.ShardId);
  const start = input.ExclusiveStartShardId;
  if (start !== undefined) shards = shards.filter((s) => s.ShardId! > start);
  const description: StreamDescription = { ...full, Shards: shards.slice(0, limit) };
  if (shards.length > limit) description.LastEvaluatedShardId = shards[limit - 1]!.ShardId;
  return { StreamDescription: description };
}
