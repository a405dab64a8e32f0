/**
 * Output event streams: an output member targeting an `eventstream` union is given by the handler
 * as an iterable (or async iterable) of one-member objects `{ EventName: event }`, and is written
 * as a stream of frames. Members marked `eventheader` become typed frame headers, the
 * `eventpayload` member (or else the other members as a document) becomes the frame payload.
 * Exception members of the union become `:message-type: exception` frames.
 */
import { Readable } from 'node:stream';
import type { Member, Shape } from '../model/shapes.js';
import { encodeFrame, type Frame, type FrameHeaderValue } from './event-frame.js';
import { toBuffer } from './scalars.js';

/** Writes an event's document payload (JSON or XML) for the protocol in use. */
export interface EventDocumentWriter {
  readonly contentType: string;
  write(shape: Shape, value: Record<string, unknown>, rootName: string): string;
}

export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

function headerOf(m: Member, v: unknown): FrameHeaderValue {
  switch (m.shape.type) {
    case 'boolean': return { type: 'boolean', value: Boolean(v) };
    case 'byte': return { type: 'byte', value: Number(v) };
    case 'short': return { type: 'short', value: Number(v) };
    case 'integer': return { type: 'integer', value: Number(v) };
    case 'long': return { type: 'long', value: BigInt(v as number) };
    case 'blob': return { type: 'binary', value: toBuffer(v) };
    case 'timestamp': return { type: 'timestamp', value: v instanceof Date ? v : new Date(Number(v) * 1000) };
    default: return { type: 'string', value: String(v) };
  }
}

export function eventFrame(stream: Shape, event: Record<string, unknown>, doc: EventDocumentWriter): Frame {
  const [name, value] = Object.entries(event)[0] ?? [];
  const member = name === undefined ? undefined : stream.memberMap.get(name);
  if (!member || value === undefined) throw new Error(`event ${String(name)} is not a member of ${stream.name}`);
  const shape = member.shape;
  const v = value as Record<string, unknown>;
  const headers: Record<string, FrameHeaderValue> = shape.exception
    ? { ':message-type': { type: 'string', value: 'exception' }, ':exception-type': { type: 'string', value: name! } }
    : { ':message-type': { type: 'string', value: 'event' }, ':event-type': { type: 'string', value: name! } };
  let payload: Buffer = Buffer.alloc(0);
  const payloadMember = shape.members.find((m) => m.eventpayload);
  if (payloadMember) {
    const p = v[payloadMember.name];
    if (payloadMember.shape.type === 'blob') {
      headers[':content-type'] = { type: 'string', value: 'application/octet-stream' };
      if (p !== undefined) payload = toBuffer(p);
    } else if (payloadMember.shape.type === 'string') {
      headers[':content-type'] = { type: 'string', value: 'text/plain' };
      if (p !== undefined) payload = Buffer.from(String(p), 'utf8');
    } else {
      headers[':content-type'] = { type: 'string', value: doc.contentType };
      payload = Buffer.from(doc.write(payloadMember.shape, (p ?? {}) as Record<string, unknown>, payloadMember.name), 'utf8');
    }
  } else if (shape.members.some((m) => !m.eventheader)) {
    const body: Record<string, unknown> = {};
    for (const m of shape.members) if (!m.eventheader) body[m.name] = v[m.name];
    headers[':content-type'] = { type: 'string', value: doc.contentType };
    payload = Buffer.from(doc.write(shape, body, name!), 'utf8');
  }
  for (const m of shape.members) {
    if (m.eventheader && v[m.name] !== undefined && v[m.name] !== null) headers[m.name] = headerOf(m, v[m.name]);
  }
  return { headers, payload };
}

/** The frames of an event stream as a byte stream, optionally after an `initial-response` frame. */
export function eventStreamBody(
  stream: Shape,
  events: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
  doc: EventDocumentWriter,
  initial?: Buffer,
): Readable {
  async function* frames(): AsyncGenerator<Buffer> {
    if (initial) {
      yield encodeFrame({
        headers: {
          ':message-type': { type: 'string', value: 'event' },
          ':event-type': { type: 'string', value: 'initial-response' },
          ':content-type': { type: 'string', value: doc.contentType },
        },
        payload: initial,
      });
    }
    for await (const e of events) yield encodeFrame(eventFrame(stream, e, doc));
  }
  return Readable.from(frames(), { objectMode: false });
}

/** The output member holding an event stream, if the operation has one. */
export function eventStreamMember(shape: Shape | undefined): Member | undefined {
  return shape?.members.find((m) => m.shape.eventstream);
}
