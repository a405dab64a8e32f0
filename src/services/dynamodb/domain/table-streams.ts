/**
 * DynamoDB Streams identifiers. Pure.
 *
 * - StreamLabel: the stream's creation time, ISO 8601 with milliseconds and no zone
 *   (`2024-05-01T12:00:00.123`), as AWS shows it; unique per table.
 * - Sequence numbers: decimal strings of 21 digits or more that grow with every record of a
 *   stream. Nimbus numbers records 1, 2, 3 … per stream and shows 10^20 + n.
 * - Shards: Nimbus keeps one shard per stream, open while the stream is enabled and closed (with
 *   an EndingSequenceNumber) once it is disabled or its table deleted.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html
 */
import { createHash } from 'node:crypto';

const SEQUENCE_BASE = 10n ** 20n;
const SEQUENCE_PATTERN = /^\d{21,40}$/;

export function formatSequenceNumber(seq: number): string {
  return (SEQUENCE_BASE + BigInt(seq)).toString();
}

/** The record number a sequence number stands for, or undefined when it is not one Nimbus issued. */
export function parseSequenceNumber(sequenceNumber: string): number | undefined {
  if (!SEQUENCE_PATTERN.test(sequenceNumber)) return undefined;
  const n = BigInt(sequenceNumber) - SEQUENCE_BASE;
  if (n < 0n || n > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(n);
}

/** `2024-05-01T12:00:00.123` for a time in epoch ms. */
export function streamLabel(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/Z$/, '');
}

/** The one shard of a stream: `shardId-<20-digit creation ms>-<8 hex>`. */
export function shardIdOf(streamArnValue: string, createdAtMs: number): string {
  const suffix = createHash('sha1').update(streamArnValue).digest('hex').slice(0, 8);
  return `shardId-${String(createdAtMs).padStart(20, '0')}-${suffix}`;
}

/** Stream records live 24 hours; so does a disabled stream (or the stream of a deleted table). */
export const STREAM_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Who made a change: absent for requests, the TTL service for expirations. */
export interface StreamUserIdentity {
  Type: 'Service';
  PrincipalId: 'dynamodb.amazonaws.com';
}

export const TTL_SERVICE_IDENTITY: StreamUserIdentity = { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' };
