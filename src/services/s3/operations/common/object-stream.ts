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

/** Streams `range` of the object (inclusive offsets), or all of it. Call synchronously after reading the record. */
export function objectStream(store: S3Store, record: ObjectRecord, range?: ByteRange): Readable {
  const segments = segmentsOf(store, record);
  const release = store.reclaimer.lease(segments.map((s) => s.blobId));
  const start = range?.start ?? 0;
  const end = range?.end ?? record.size - 1;
  async function* bytes(): AsyncGenerator<Buffer> {
    for (const s of segments) {
      const segEnd = s.offset + s.size - 1;
      if (s.size === 0 || segEnd < start || s.offset > end) continue;
      const from = Math.max(start, s.offset) - s.offset;
      const to = Math.min(end, segEnd) - s.offset;
      const whole = from === 0 && to === s.size - 1;
      for await (const chunk of store.blobs.read(s.blobId, whole ? undefined : { start: from, end: to })) yield chunk as Buffer;
    }
  }
  const stream = Readable.from(bytes(), { objectMode: false, highWaterMark: 64 * 1024 });
  stream.once('close', release);
  return stream;
}
