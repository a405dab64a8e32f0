/** Reading request bodies into memory, bounded, and undoing request compression. */
import type { IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { ServiceError } from '../shared/errors.js';

/** Largest body read into memory (streaming uploads are not read this way). */
export const MAX_BUFFERED_BODY = 64 * 1024 * 1024;

export async function readBody(raw: IncomingMessage, limit = MAX_BUFFERED_BODY): Promise<Buffer> {
  const declared = Number(raw.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of raw) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

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
