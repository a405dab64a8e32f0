/** Reading request bodies into memory, bounded, and undoing request compression. */
import type { IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { ServiceError } from '../shared/errors.js';

/** Largest body read into memory (streaming uploads are not read this way). */
export const MAX_BUFFERED_BODY = 64 * 1024 * 1024;

/**
 * The whole body, if it has already arrived (the usual case for small requests): one
 * synchronous read, with no promise, no flowing-mode events and no nextTicks. Undefined when
 * more is still to come (then use readBody).
 */
export function bodyIfArrived(raw: IncomingMessage, limit = MAX_BUFFERED_BODY): Buffer | undefined {
  const declared = Number(raw.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunked = raw.headers['transfer-encoding'] !== undefined;
  if (declared === 0 && !chunked) return EMPTY;
  // Every declared byte buffered counts as arrived: node:http may not have marked the message
  // complete yet when the request's code runs (a 1 KiB PUT, seen one microtask after 'request').
  if (!raw.complete && (chunked || !(raw.readableLength >= declared))) return undefined;
  if (raw.readableLength > limit) throw tooLarge(limit);
  if (!raw.complete) takenWhole.add(raw);
  return (raw.read() as Buffer | null) ?? EMPTY;
}

/** Messages whose every declared byte bodyIfArrived took before node:http marked them complete. */
const takenWhole = new WeakSet<IncomingMessage>();

/**
 * Whether the request's body has been read to its end. When Nimbus answers before that (an early
 * error, a 413), the connection must close: otherwise the unread bytes would be taken for the
 * next request on a kept-alive socket. A body taken whole by bodyIfArrived counts as read even
 * though node:http has not yet marked the message complete (it will, in the same parse).
 */
export function bodyFullyRead(raw: IncomingMessage): boolean {
  if (raw.complete || takenWhole.has(raw)) return true;
  return raw.headers['transfer-encoding'] === undefined && (raw.headers['content-length'] ?? '0') === '0';
}

export function readBody(raw: IncomingMessage, limit = MAX_BUFFERED_BODY): Promise<Buffer> {
  try {
    const now = bodyIfArrived(raw, limit);
    if (now) return Promise.resolve(now);
  } catch (e) {
    return Promise.reject(e);
  }
  // Plain listeners, not `for await`: an async iterator per request costs measurable CPU.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const cleanup = () => {
      raw.off('data', onData);
      raw.off('end', onEnd);
      raw.off('error', onError);
    };
    raw.on('data', onData);
    raw.on('end', onEnd);
    raw.on('error', onError);
  });
}

const EMPTY = Buffer.alloc(0);

function tooLarge(limit: number): ServiceError {
  return new ServiceError('RequestEntityTooLarge', `Request body is larger than the ${limit} bytes this operation accepts.`, { statusCode: 413 });
}

/** Operations marked `requestcompression` accept gzip bodies (`Content-Encoding: gzip`). */
export function decompress(body: Buffer, contentEncoding: string | undefined, encodings: readonly string[]): Buffer {
  if (!contentEncoding || !encodings.includes('gzip') || !/\bgzip\b/i.test(contentEncoding)) return body;
  try {
    return gunzipSync(body, { maxOutputLength: MAX_BUFFERED_BODY });
  } catch {
    throw new ServiceError('SerializationException', 'The request body is not valid gzip data.');
  }
}
