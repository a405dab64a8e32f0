/**
 * Test helpers for aws-chunked bodies: encode one (signing chunks with the verified request's key,
 * as SDKs do) and feed one through a decoder in pieces of random sizes.
 */
import { createHash } from 'node:crypto';
import type { Transform } from 'node:stream';
import { chunkStringToSign, signChunk, trailerStringToSign, type SigV4Verified } from '../../../src/auth/sigv4/index.js';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Signed (`verified` given) or unsigned aws-chunked encoding of `chunks`, then `trailers`. */
export function encodeChunked(chunks: readonly Buffer[], verified?: SigV4Verified, trailers?: Readonly<Record<string, string>>): Buffer {
  const parts: Buffer[] = [];
  let previous = verified?.seedSignature ?? '';
  const sign = (stringToSign: string) => signChunk(verified!.signingKey!, stringToSign);
  for (const data of [...chunks, Buffer.alloc(0)]) {
    let line = data.length.toString(16);
    if (verified) {
      previous = sign(chunkStringToSign(verified, previous, sha256(data)));
      line += `;chunk-signature=${previous}`;
    }
    parts.push(Buffer.from(`${line}\r\n`), data);
    if (data.length) parts.push(Buffer.from('\r\n'));
  }
  if (trailers) {
    let canonical = '';
    for (const [name, value] of Object.entries(trailers)) {
      parts.push(Buffer.from(`${name}:${value}\r\n`));
      canonical += `${name}:${value}\n`;
    }
    if (verified) parts.push(Buffer.from(`x-amz-trailer-signature:${sign(trailerStringToSign(verified, previous, sha256(canonical)))}\r\n`));
  }
  parts.push(Buffer.from('\r\n'));
  return Buffer.concat(parts);
}

/**
 * Writes `body` into the decoder in pieces of 1..maxPiece bytes (sizes from `random`) and
 * resolves with what came out, or rejects with the stream's error.
 */
export function runDecoder(decoder: Transform, body: Buffer, random: () => number, maxPiece: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    decoder.on('data', (b: Buffer) => out.push(b));
    decoder.on('end', () => resolve(Buffer.concat(out)));
    decoder.on('error', reject);
    for (let i = 0; i < body.length; ) {
      const n = 1 + Math.floor(random() * maxPiece);
      decoder.write(body.subarray(i, i + n));
      i += n;
    }
    decoder.end();
  });
}
