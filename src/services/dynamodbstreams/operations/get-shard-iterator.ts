import { parseSequenceNumber } from '../dynamodb-store.js';
import { invalidSequenceNumber, sequenceNumberMismatch, trimmedDataAccess } from '../domain/errors.js';
import { encodeShardIterator } from '../domain/shard-iterator.js';
import { startingPosition, takesSequenceNumber } from '../domain/shard-positions.js';
import type { GetShardIteratorInput, GetShardIteratorOutput } from '../generated/types.js';
import { requireShard, requireStream, shardState, type Ctx } from './stream-lookup.js';

/**
 * An iterator for one shard, valid 15 minutes: TRIM_HORIZON (the oldest record kept), LATEST (only
 * records written from now on), AT_SEQUENCE_NUMBER / AFTER_SEQUENCE_NUMBER (at or after a record,
 * e.g. the last one a reader checkpointed). The stream is checked first, then the shard, then the
 * SequenceNumber (required by the last two types, refused by the first two). A sequence number
 * older than the 24-hour trim horizon is TrimmedDataAccessException.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetShardIterator.html
 */
export function getShardIterator(input: GetShardIteratorInput, ctx: Ctx): GetShardIteratorOutput {
  const stream = requireStream(ctx, input.StreamArn);
  requireShard(stream, input.ShardId);
  const type = input.ShardIteratorType;
  const sequenceNumber = input.SequenceNumber;
  if (takesSequenceNumber(type) !== (sequenceNumber !== undefined)) throw sequenceNumberMismatch(type, sequenceNumber !== undefined);
  const shard = shardState(ctx, stream);
  const record = sequenceNumber === undefined ? undefined : parseSequenceNumber(sequenceNumber);
  const start = startingPosition(type, record, shard);
  if ('error' in start) {
    if (start.error === 'trimmed') throw trimmedDataAccess();
    throw invalidSequenceNumber(sequenceNumber ?? '', input.ShardId, input.StreamArn);
  }
  return {
    ShardIterator: encodeShardIterator({
      streamArn: stream.arn,
      shardId: input.ShardId,
      next: start.next,
      latest: shard.latest,
      issuedAt: ctx.now().getTime(),
    }),
  };
}
