/**
 * DynamoDB Streams storage: every stream a table has had and its change records.
 *
 * Records are appended by the item writes (store/items.ts) inside the same transaction as the
 * change, so a record exists exactly when its change committed, once. `seq` numbers a stream's
 * records 1, 2, 3 … in commit order (gaps are possible where a write rolled back); the next
 * number is kept in memory per stream, loaded from the table on first use. Records older than 24
 * hours are invisible to reads and removed by the sweep (store/sweeper.ts); a stream that was
 * disabled, or whose table was deleted, stays readable for 24 hours and is then removed.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../storage/index.js';
import type { Scope, StreamSettings, StreamViewType } from '../domain/table-model.js';
import { STREAM_RETENTION_MS, streamLabel, type StreamUserIdentity } from '../domain/table-streams.js';
import { streamArn } from '../domain/table-arns.js';
import type { Item, KeySchema } from '../domain/types.js';
import { decodeItem, encodeItem, itemSize } from '../domain/values/index.js';

export type StreamEventName = 'INSERT' | 'MODIFY' | 'REMOVE';

export interface StoredStream {
  id: number;
  accountId: string;
  region: string;
  tableName: string;
  arn: string;
  label: string;
  viewType: StreamViewType;
  keySchema: KeySchema;
  /** Epoch ms. */
  createdAt: number;
  /** When it was disabled or its table deleted (epoch ms); undefined while enabled. */
  closedAt?: number;
}

/** One change, as read back. `seq` orders records; SequenceNumber is its wire form (domain/table-streams.ts). */
export interface StoredStreamRecord {
  seq: number;
  eventID: string;
  eventName: StreamEventName;
  /** Epoch ms of the commit (AWS reports it rounded down to the second). */
  createdAt: number;
  Keys: Item;
  NewImage?: Item;
  OldImage?: Item;
  SizeBytes: number;
  userIdentity?: StreamUserIdentity;
}

/** What a write hands to `append`. */
export interface StreamChange {
  eventName: StreamEventName;
  keys: Item;
  newImage?: Item;
  oldImage?: Item;
  userIdentity?: StreamUserIdentity;
}

interface StreamRow {
  id: number;
  account_id: string;
  region: string;
  table_name: string;
  arn: string;
  label: string;
  view_type: string;
  key_schema: string;
  created_at: number;
  closed_at: number | null;
}

interface RecordRow {
  seq: number;
  created_at: number;
  event_name: string;
  event_id: string;
  by_service: number;
  keys: Buffer;
  new_image: Buffer | null;
  old_image: Buffer | null;
  size_bytes: number;
}

const SERVICE: StreamUserIdentity = { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' };
const STREAM_COLUMNS = 'id, account_id, region, table_name, arn, label, view_type, key_schema, created_at, closed_at';

function toStream(r: StreamRow): StoredStream {
  return {
    id: r.id,
    accountId: r.account_id,
    region: r.region,
    tableName: r.table_name,
    arn: r.arn,
    label: r.label,
    viewType: r.view_type as StreamViewType,
    keySchema: JSON.parse(r.key_schema) as KeySchema,
    createdAt: r.created_at,
    closedAt: r.closed_at ?? undefined,
  };
}

function toRecord(r: RecordRow): StoredStreamRecord {
  const rec: StoredStreamRecord = {
    seq: r.seq,
    eventID: r.event_id,
    eventName: r.event_name as StreamEventName,
    createdAt: r.created_at,
    Keys: decodeItem(r.keys),
    SizeBytes: r.size_bytes,
  };
  if (r.new_image) rec.NewImage = decodeItem(r.new_image);
  if (r.old_image) rec.OldImage = decodeItem(r.old_image);
  if (r.by_service) rec.userIdentity = SERVICE;
  return rec;
}

export class StreamLog {
  private readonly nextSeq = new Map<number, number>();
  private seqGeneration: number;

  constructor(private readonly db: Database) {
    this.seqGeneration = db.generation;
  }

  // --- control plane (inside a write) ------------------------------------------------------

  /** Creates a new stream for a table; its label is the creation time, made unique per table. */
  open(table: Scope & { name: string; id: number; arn: string; key: KeySchema }, viewType: StreamViewType, nowMs: number): StreamSettings {
    let created = nowMs;
    const last = this.db
      .prepare('SELECT MAX(created_at) AS t FROM dynamodb_streams WHERE account_id = ? AND region = ? AND table_name = ?')
      .get(table.accountId, table.region, table.name) as { t: number | null };
    if (last.t !== null && created <= last.t) created = last.t + 1;
    const label = streamLabel(created);
    const arn = streamArn(table.arn, label);
    const r = this.db
      .prepare(`INSERT INTO dynamodb_streams (account_id, region, table_name, table_id, arn, label, view_type, key_schema, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(table.accountId, table.region, table.name, table.id, arn, label, viewType, JSON.stringify(table.key), created);
    return { enabled: true, viewType, streamId: Number(r.lastInsertRowid), arn, label };
  }

  /** Disables a stream (stream disabled, or its table deleted): readable 24 more hours. */
  close(streamId: number, nowMs: number): void {
    this.db.prepare('UPDATE dynamodb_streams SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(nowMs, streamId);
  }

  // --- write path (inside a write) ---------------------------------------------------------

  /** Appends a change record, with the images the stream's view type asks for. */
  append(stream: StreamSettings, change: StreamChange, nowMs: number): number {
    const seq = this.allocate(stream.streamId);
    const view = stream.viewType;
    const newImage = (view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES') && change.newImage ? change.newImage : undefined;
    const oldImage = (view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES') && change.oldImage ? change.oldImage : undefined;
    const size = itemSize(change.keys) + (newImage ? itemSize(newImage) : 0) + (oldImage ? itemSize(oldImage) : 0);
    this.db
      .prepare(`INSERT INTO dynamodb_stream_records (stream_id, seq, created_at, event_name, event_id, by_service, keys, new_image, old_image, size_bytes)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        stream.streamId, seq, nowMs, change.eventName, randomUUID().replace(/-/g, ''), change.userIdentity ? 1 : 0,
        encodeItem(change.keys), newImage ? encodeItem(newImage) : null, oldImage ? encodeItem(oldImage) : null, size,
      );
    return seq;
  }

  private allocate(streamId: number): number {
    if (this.seqGeneration !== this.db.generation) {
      this.nextSeq.clear();
      this.seqGeneration = this.db.generation;
    }
    let next = this.nextSeq.get(streamId);
    if (next === undefined) next = this.latestSeq(streamId) + 1;
    this.nextSeq.set(streamId, next + 1);
    return next;
  }

  // --- reads --------------------------------------------------------------------------------

  byArn(arn: string): StoredStream | undefined {
    const row = this.db.prepare(`SELECT ${STREAM_COLUMNS} FROM dynamodb_streams WHERE arn = ?`).get(arn) as StreamRow | undefined;
    return row && toStream(row);
  }

  /**
   * Streams in a scope (of one table, or all), in creation order, after `exclusiveStartArn`, at
   * most `limit`. Streams closed more than 24 hours ago are not listed.
   */
  list(scope: Scope, options: { tableName?: string; exclusiveStartArn?: string; limit: number; nowMs: number }): StoredStream[] {
    let after = 0;
    if (options.exclusiveStartArn) after = this.byArn(options.exclusiveStartArn)?.id ?? 0;
    const cutoff = options.nowMs - STREAM_RETENTION_MS;
    const rows = (options.tableName === undefined
      ? this.db
          .prepare(`SELECT ${STREAM_COLUMNS} FROM dynamodb_streams WHERE account_id = ? AND region = ? AND id > ?
            AND (closed_at IS NULL OR closed_at >= ?) ORDER BY id LIMIT ? + 0`)
          .all(scope.accountId, scope.region, after, cutoff, options.limit)
      : this.db
          .prepare(`SELECT ${STREAM_COLUMNS} FROM dynamodb_streams WHERE account_id = ? AND region = ? AND table_name = ? AND id > ?
            AND (closed_at IS NULL OR closed_at >= ?) ORDER BY id LIMIT ? + 0`)
          .all(scope.accountId, scope.region, options.tableName, after, cutoff, options.limit)) as StreamRow[];
    return rows.map(toStream);
  }

  /** The highest record number the stream has used (0 when it has none). */
  latestSeq(streamId: number): number {
    const row = this.db.prepare('SELECT MAX(seq) AS s FROM dynamodb_stream_records WHERE stream_id = ?').get(streamId) as { s: number | null };
    return Math.max(row.s ?? 0, (this.nextSeq.get(streamId) ?? 1) - 1);
  }

  /** The first record within the 24-hour retention (TRIM_HORIZON), or undefined when there is none. */
  trimHorizon(streamId: number, nowMs: number): number | undefined {
    const row = this.db
      .prepare('SELECT seq FROM dynamodb_stream_records WHERE stream_id = ? AND created_at >= ? ORDER BY seq LIMIT 1')
      .get(streamId, nowMs - STREAM_RETENTION_MS) as { seq: number } | undefined;
    return row?.seq;
  }

  /** Records with seq ≥ `fromSeq`, in order, at most `limit`, none older than 24 hours. */
  records(streamId: number, fromSeq: number, limit: number, nowMs: number): StoredStreamRecord[] {
    const rows = this.db
      .prepare(`SELECT seq, created_at, event_name, event_id, by_service, keys, new_image, old_image, size_bytes
        FROM dynamodb_stream_records WHERE stream_id = ? AND seq >= ? AND created_at >= ? ORDER BY seq LIMIT ? + 0`)
      .all(streamId, fromSeq, nowMs - STREAM_RETENTION_MS, limit) as RecordRow[];
    return rows.map(toRecord);
  }

  // --- retention (inside a write) --------------------------------------------------------------

  /** Removes records older than 24 hours and streams closed more than 24 hours ago. Returns records removed. */
  trim(nowMs: number): number {
    const cutoff = nowMs - STREAM_RETENTION_MS;
    let removed = 0;
    const gone = this.db.prepare('SELECT id FROM dynamodb_streams WHERE closed_at IS NOT NULL AND closed_at < ?').all(cutoff) as { id: number }[];
    for (const { id } of gone) {
      removed += this.db.prepare('DELETE FROM dynamodb_stream_records WHERE stream_id = ?').run(id).changes;
      this.db.prepare('DELETE FROM dynamodb_streams WHERE id = ?').run(id);
    }
    const live = this.db.prepare('SELECT id FROM dynamodb_streams').all() as { id: number }[];
    for (const { id } of live) {
      const keep = this.db
        .prepare('SELECT seq FROM dynamodb_stream_records WHERE stream_id = ? AND created_at >= ? ORDER BY seq LIMIT 1')
        .get(id, cutoff) as { seq: number } | undefined;
      // With nothing fresh left, the newest record stays (invisible to reads): numbering resumes
      // from it after a restart, so a sequence number is never issued twice.
      const below = keep?.seq ?? ((this.db.prepare('SELECT MAX(seq) AS s FROM dynamodb_stream_records WHERE stream_id = ?').get(id) as { s: number | null }).s ?? 0);
      removed += this.db.prepare('DELETE FROM dynamodb_stream_records WHERE stream_id = ? AND seq < ?').run(id, below).changes;
    }
    return removed;
  }
}
