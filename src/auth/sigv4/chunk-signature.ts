/**
 * Signatures of the chunks and trailer of an aws-chunked upload, each chained from the previous
 * signature (the first from the request's own, the "seed" signature).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html
 */
import { createHmac } from 'node:crypto';
import { EMPTY_SHA256 } from './signing-key.js';
import type { SigV4Verified } from './types.js';

/** AWS4-HMAC-SHA256-PAYLOAD \n date \n scope \n previous signature \n hash("") \n hash(chunk data). */
export function chunkStringToSign(v: SigV4Verified, previousSignature: string, chunkHash: string): string {
  return `AWS4-HMAC-SHA256-PAYLOAD\n${v.amzDate}\n${v.scope}\n${previousSignature}\n${EMPTY_SHA256}\n${chunkHash}`;
}

/** AWS4-HMAC-SHA256-TRAILER \n date \n scope \n previous signature \n hash(`name:value\n` of each trailer). */
export function trailerStringToSign(v: SigV4Verified, previousSignature: string, trailerHash: string): string {
  return `AWS4-HMAC-SHA256-TRAILER\n${v.amzDate}\n${v.scope}\n${previousSignature}\n${trailerHash}`;
}

/** The hex HMAC of a chunk or trailer string to sign with the request's signing key. */
export function signChunk(signingKey: Buffer, stringToSign: string): string {
  return createHmac('sha256', signingKey).update(stringToSign, 'latin1').digest('hex');
}
