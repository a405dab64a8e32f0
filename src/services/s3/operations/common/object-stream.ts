/**
 * An object's bytes as a stream: its one blob, or its multipart parts one after another, or the
 * slice of them a range asks for. The blobs are leased for as long as the stream lives, so an
 * overwrite or delete committed meanwhile does not remove them under a download.
 */
import { Readable } from 'node:stream';
import type { ByteRange } from '../../domain/ranges.js';
import type { S3Store } from '../../store.js';
import type { ObjectRecord } from '../../store/object-records.js';

interface Segment {
  blobId: string;
  /** Offset of the segment's first byte in the object. */
  offset: number;
  size: number;
}

export function segmentsOf(store: S3Store, record: ObjectRecord): Segment[] {
  if (record.blobId !== undefined) return [{ blobId: record.blobId, offset: 0, size: record.size }];
  const out: Segment[] = [];
  let offset = 0;
  for (const p of store.objects.parts(record)) {
    out.push({ blobId: p.blobId, offset, size: p.size });
    offset += p.size;
  }
  return out;
}

/** Reads per blob file: large enough that a big GET is a few hundred reads, not thousands. */
const READ_CHUNK = 1024 * 1024;

/**
 * The object's bytes (or `range` of them, inclusive offsets): a Buffer when they are kept in the
 * row, else a stream of its blobs. Call synchronously after reading the record.
 */
export function objectBody(store: S3Store, record: ObjectRecord, range?: ByteRange): Buffer | Readable {
  if (record.bodyInline) {
    const body = store.objects.inlineBody(record);
    return range ? body.subarray(range.start, range.end + 1) : body;
  }
  return blobStream(store, record, range);
}

/** Streams `range` of the object (inclusive offsets), or all of it. Call synchronously after reading the record. */
export function objectStream(store: S3Store, record: ObjectRecord, range?: ByteRange): Readable {
  const body = objectBody(store, record, range);
  return Buffer.isBuffer(body) ? Readable.from([body], { objectMode: false }) : body;
}

function blobStream(store: S3Store, record: ObjectRecord, range?: ByteRange): Readable {
  const segments = segmentsOf(store, record);
  const release = store.reclaimer.lease(segments.map((s) => s.blobId));
  const start = range?.start ?? 0;
  const end = range?.end ?? record.size - 1;
  const pieces: { blobId: string; start: number; end: number }[] = [];
  for (const s of segments) {
    const segEnd = s.offset + s.size - 1;
    if (s.size === 0 || segEnd < start || s.offset > end) continue;
    pieces.push({ blobId: s.blobId, start: Math.max(start, s.offset) - s.offset, end: Math.min(end, segEnd) - s.offset });
  }
  let stream: Readable;
  if (pieces.length === 1) {
    // One blob (the common case): its file stream as is, without a generator in between.
    const p = pieces[0]!;
    stream = store.blobs.read(p.blobId, { start: p.start, end: p.end }, READ_CHUNK);
  } else {
    async function* bytes(): AsyncGenerator<Buffer> {
      for (const p of pieces) {
        for await (const chunk of store.blobs.read(p.blobId, { start: p.start, end: p.end }, READ_CHUNK)) yield chunk as Buffer;
      }
    }
    stream = Readable.from(bytes(), { objectMode: false, highWaterMark: READ_CHUNK });
  }
  stream.once('close', release);
  return stream;
}
