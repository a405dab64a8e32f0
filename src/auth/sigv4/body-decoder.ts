/**
 * Picks what a signed S3 body must stream through, from the payload hash the client signed:
 * aws-chunked bodies are decoded (and their chunk signatures checked), a hex hash is checked when
 * the body ends, UNSIGNED-PAYLOAD needs nothing.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Transform } from 'node:stream';
import type { AuthErrors } from '../errors.js';
import { ServiceError } from '../../shared/errors.js';
import { AwsChunkedDecoder } from './aws-chunked.js';
import { ContentSha256Verifier } from './content-sha256.js';
import { STREAMING_ECDSA_PAYLOAD, STREAMING_ECDSA_PAYLOAD_TRAILER, isHexSha256, streamingMode } from './payload-hash.js';
import type { SigV4Verified } from './types.js';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The Transform to pipe the raw body through, or undefined when the body is used as received.
 * Throws MissingContentLength for an aws-chunked body without a valid x-amz-decoded-content-length,
 * and NotImplemented for SigV4a-signed chunks (no published vectors to build them against).
 * `minChunkSize: 0` accepts non-final chunks under 8 KiB, which S3 refuses (and which the JS SDK v3
 * sends for a stream of small pieces unless `requestStreamBufferSize` is set).
 */
export function signedBodyDecoder(
  verified: SigV4Verified,
  headers: IncomingHttpHeaders,
  errors: AuthErrors,
  options: { readonly minChunkSize?: number } = {},
): Transform | undefined {
  if (verified.payloadHash === STREAMING_ECDSA_PAYLOAD || verified.payloadHash === STREAMING_ECDSA_PAYLOAD_TRAILER) {
    throw new ServiceError('NotImplemented', `Nimbus does not verify ${verified.payloadHash} bodies (SigV4a-signed aws-chunked uploads) yet.`, { statusCode: 501, senderFault: false });
  }
  const mode = streamingMode(verified.payloadHash);
  if (mode !== undefined) {
    const decoded = header(headers, 'x-amz-decoded-content-length');
    if (decoded === undefined || !/^\d{1,15}$/.test(decoded)) throw errors.missingContentLength();
    const announced = header(headers, 'x-amz-trailer');
    const declaredTrailers = announced ? announced.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean) : undefined;
    return new AwsChunkedDecoder({ mode, errors, verified, decodedContentLength: Number(decoded), declaredTrailers, minChunkSize: options.minChunkSize });
  }
  if (isHexSha256(verified.payloadHash)) return new ContentSha256Verifier(verified.payloadHash, errors);
  return undefined;
}
