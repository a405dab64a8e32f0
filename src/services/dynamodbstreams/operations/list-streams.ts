import type { ListStreamsInput, ListStreamsOutput, Stream } from '../generated/types.js';
import type { StoredStream } from '../dynamodb-store.js';
import { invalidStreamArn, limitTooHigh } from '../domain/errors.js';
import { labelTime, parseStreamArn } from '../domain/stream-arn.js';
import type { Ctx } from './stream-lookup.js';

/** "The upper limit is 100" (ListStreams' Limit); also the default. */
const MAX_LIMIT = 100;

/**
 * The streams of the account and region (of one table with `TableName`), oldest first — those of
 * deleted tables and disabled streams too, for the 24 hours they stay readable. At most `Limit`;
 * LastEvaluatedStreamArn is set when more follow and goes back as ExclusiveStartStreamArn.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_ListStreams.html
 */
export function listStreams(input: ListStreamsInput, ctx: Ctx): ListStreamsOutput {
  const limit = input.Limit ?? MAX_LIMIT;
  if (limit > MAX_LIMIT) throw limitTooHigh(limit, MAX_LIMIT);
  const start = input.ExclusiveStartStreamArn;
  if (start !== undefined && !parseStreamArn(start)) throw invalidStreamArn();
  const found = streamsAfter(ctx, input.TableName, start, limit + 1);
  const page = found.slice(0, limit);
  const out: ListStreamsOutput = { Streams: page.map(toStream) };
  if (found.length > limit) out.LastEvaluatedStreamArn = page[page.length - 1]!.arn;
  return out;
}

function toStream(s: StoredStream): Stream {
  return { StreamArn: s.arn, TableName: s.tableName, StreamLabel: s.label };
}

/**
 * Up to `count` streams after `start`. A start Nimbus no longer knows (a stream removed 24 hours
 * after it was disabled, between two pages) still places the page: the streams created after its
 * label's time follow it.
 */
function streamsAfter(ctx: Ctx, tableName: string | undefined, start: string | undefined, count: number): StoredStream[] {
  const scope = { accountId: ctx.accountId, region: ctx.region };
  const nowMs = ctx.now().getTime();
  if (start === undefined || ctx.store.byArn(start)) {
    return ctx.store.list(scope, { tableName, exclusiveStartArn: start, limit: count, nowMs });
  }
  const after = labelTime(parseStreamArn(start)!.label) ?? Number.NEGATIVE_INFINITY;
  const out: StoredStream[] = [];
  let cursor: string | undefined;
  for (;;) {
    const batch = ctx.store.list(scope, { tableName, exclusiveStartArn: cursor, limit: MAX_LIMIT, nowMs });
    for (const s of batch) if (s.createdAt > after && out.length < count) out.push(s);
    if (batch.length < MAX_LIMIT || out.length >= count) return out;
    cursor = batch[batch.length - 1]!.arn;
  }
}
