/** Types generated handler signatures refer to; protocol-neutral. */
import type { Readable } from 'node:stream';

/** A streaming blob: handlers receive a stream and may answer with a stream or bytes. */
export type BlobPayload = Readable | Uint8Array | string;

/** An output event stream: the handler yields one-member objects `{ EventName: event }`. */
export type EventStream<Union> = Iterable<Partial<Union>> | AsyncIterable<Partial<Union>>;

export type EmptyInput = Record<string, never>;
export type EmptyOutput = Record<string, never>;
