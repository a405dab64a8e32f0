/**
 * Shard iterators: where a reader is in a shard, handed to the client as an opaque string. Pure.
 *
 * Nimbus keeps no iterator state: everything GetRecords needs travels inside the iterator, so
 * iterators survive restarts and cost nothing to issue. The text is
 * `<stream ARN>|1|<base64url of {s: shard id, n: next record, l: latest record, t: issued at}>`
 * (AWS's iterators also start with the stream ARN and a `|1|` version marker). Clients must treat
 * it as opaque; at most 2,048 characters, the model's limit.
 *
 * - `next`: the record number (see dynamodb/domain/table-streams.ts) the next GetRecords starts at.
 * - `latest`: the highest record number when the iterator was issued. Records after it were
 *   written after the iterator was, so they cannot have aged past the 24-hour retention while it
 *   lives (15 minutes); only a position at or before it can have been trimmed.
 * - `issuedAt`: epoch ms; an iterator expires 15 minutes after it is issued.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetShardIterator.html
 */

export const ITERATOR_LIFETIME_MS = 15 * 60 * 1000;

export interface ShardPosition {
  streamArn: string;
  shardId: string;
  next: number;
  latest: number;
  issuedAt: number;
}

const VERSION = '1';

export function encodeShardIterator(p: ShardPosition): string {
  const body = Buffer.from(JSON.stringify({ s: p.shardId, n: p.next, l: p.latest, t: p.issuedAt })).toString('base64url');
  return `${p.streamArn}|${VERSION}|${body}`;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** The position an iterator holds, or undefined when the text is not an iterator Nimbus issued. */
export function decodeShardIterator(text: string): ShardPosition | undefined {
  const parts = text.split('|');
  if (parts.length !== 3 || parts[1] !== VERSION || !parts[0]!.startsWith('arn:')) return undefined;
  const bytes = Buffer.from(parts[2]!, 'base64url');
  // Node's decoder skips what is not base64; an iterator is only what encodes back to itself.
  if (bytes.toString('base64url') !== parts[2]) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const { s, n, l, t } = body as Record<string, unknown>;
  if (typeof s !== 'string' || !isCount(n) || !isCount(l) || !isCount(t)) return undefined;
  return { streamArn: parts[0]!, shardId: s, next: n, latest: l, issuedAt: t };
}

/** Whether the iterator is older than its 15-minute lifetime at `nowMs`. */
export function isExpired(p: ShardPosition, nowMs: number): boolean {
  return nowMs - p.issuedAt > ITERATOR_LIFETIME_MS;
}
