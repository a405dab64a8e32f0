/**
 * Finding the stream and shard a request names, shared by DescribeStream, GetShardIterator and
 * GetRecords, and reading a shard's state.
 */
import type { OperationContext } from '../../service.js';
import { shardIdOf, STREAM_RETENTION_MS, type StoredStream, type StreamsStore } from '../dynamodb-store.js';
import { invalidStreamArn, shardNotFound, streamNotFound } from '../domain/errors.js';
import type { ShardState } from '../domain/shard-positions.js';
import { parseStreamArn } from '../domain/stream-arn.js';

export type Ctx = OperationContext<StreamsStore>;

/**
 * The stream an ARN names in the caller's account and region: ValidationException "Invalid
 * StreamArn" when the text is no stream ARN, ResourceNotFoundException when there is no such
 * stream here — including one disabled (or whose table was deleted) more than 24 hours ago, which
 * AWS removes and the sweep removes soon.
 */
export function requireStream(ctx: Ctx, arn: string): StoredStream {
  if (!parseStreamArn(arn)) throw invalidStreamArn();
  const stream = ctx.store.byArn(arn);
  const nowMs = ctx.now().getTime();
  const gone = stream?.closedAt !== undefined && stream.closedAt < nowMs - STREAM_RETENTION_MS;
  if (!stream || gone || stream.accountId !== ctx.accountId || stream.region !== ctx.region) throw streamNotFound(arn);
  return stream;
}

/** The stream's one shard id (Nimbus keeps one shard per stream). */
export function shardIdOfStream(stream: StoredStream): string {
  return shardIdOf(stream.arn, stream.createdAt);
}

/** Checks that the shard id is the stream's: ResourceNotFoundException "… Shard does not exist" otherwise. */
export function requireShard(stream: StoredStream, shardId: string): void {
  if (shardId !== shardIdOfStream(stream)) throw shardNotFound();
}

/** The shard's latest record number and first record within retention, now. */
export function shardState(ctx: Ctx, stream: StoredStream): ShardState {
  const latest = ctx.store.latestSeq(stream.id);
  const firstReadable = ctx.store.trimHorizon(stream.id, ctx.now().getTime()) ?? latest + 1;
  return { latest, firstReadable };
}
