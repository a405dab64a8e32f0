/**
 * Picks what an S3 body must stream through, from the payload hash the client sent: aws-chunked
 * bodies are decoded (their chunk signatures checked when the request's signature was verified,
 * only their framing otherwise), a hex hash is checked when the body ends (verified requests),
 * UNSIGNED-PAYLOAD needs nothing. `decodeS3Body` applies it to a request, streamed or buffered.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import type { AuthErrors } from '../errors.js';
import { ServiceError } from '../../shared/errors.js';
import { AwsChunkedDecoder } from './aws-chunked.js';
import { ContentSha256Verifier } from './content-sha256.js';
import {
  STREAMING_ECDSA_PAYLOAD,
  STREAMING_ECDSA_PAYLOAD_TRAILER,
  checkContentSha256,
  isHexSha256,
  streamingMode,
  type StreamingMode,
} from './payload-hash.js';
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
  if (mode !== undefined) return new AwsChunkedDecoder({ mode, errors, verified, ...framing(headers, errors), minChunkSize: options.minChunkSize });
  if (isHexSha256(verified.payloadHash)) return new ContentSha256Verifier(verified.payloadHash, errors);
  return undefined;
}

/** What every aws-chunked body needs from the headers: the decoded length (required) and x-amz-trailer. */
function framing(headers: IncomingHttpHeaders, errors: AuthErrors): { decodedContentLength: number; declaredTrailers: string[] | undefined } {
  const decoded = header(headers, 'x-amz-decoded-content-length');
  if (decoded === undefined || !/^\d{1,15}$/.test(decoded)) throw errors.missingContentLength();
  const announced = header(headers, 'x-amz-trailer');
  const declaredTrailers = announced ? announced.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean) : undefined;
  return { decodedContentLength: Number(decoded), declaredTrailers };
}

/** The framing an x-amz-content-sha256 value announces, SigV4a's flavours included. */
function chunkedFraming(payloadHash: string | undefined): StreamingMode | undefined {
  if (payloadHash === undefined) return undefined;
  if (payloadHash === STREAMING_ECDSA_PAYLOAD) return 'signed';
  if (payloadHash === STREAMING_ECDSA_PAYLOAD_TRAILER) return 'signed-trailer';
  return streamingMode(payloadHash);
}

/**
 * For a request whose signature Nimbus did not verify (conventional keys, anonymous requests):
 * an aws-chunked body is still decoded, its framing, decoded length and trailers checked, its
 * chunk signatures only read past. Undefined for any other body.
 */
export function unverifiedBodyDecoder(headers: IncomingHttpHeaders, errors: AuthErrors, options: { readonly minChunkSize?: number } = {}): AwsChunkedDecoder | undefined {
  const mode = chunkedFraming(header(headers, 'x-amz-content-sha256'));
  if (mode === undefined) return undefined;
  return new AwsChunkedDecoder({ mode, errors, checkSignatures: false, ...framing(headers, errors), minChunkSize: options.minChunkSize });
}

/** The parts of the gateway's HttpRequest this step reads and replaces. */
export interface DecodableRequest {
  headers: IncomingHttpHeaders;
  body: Buffer | undefined;
  bodyStream: Readable | undefined;
}

/**
 * Every S3 request, verified (`verified` given) or not: replaces the body by what the client
 * meant, so handlers never see aws-chunked framing. A streamed body is piped through its decoder
 * (which fails the stream on a bad chunk: discard everything then); a body already in memory
 * (a non-streaming operation, which SDKs never send aws-chunked, but a client may) is decoded at
 * once. After decoding, the headers the protocol reads describe the decoded body: Content-Length
 * is x-amz-decoded-content-length, Content-Encoding loses `aws-chunked` (S3 does not store it),
 * and a buffered body's checksum trailers become headers (so they bind to ChecksumCRC32 …).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */
export function decodeS3Body(req: DecodableRequest, errors: AuthErrors, verified: SigV4Verified | undefined): void {
  if (req.bodyStream) {
    const decoder = verified ? signedBodyDecoder(verified, req.headers, errors) : unverifiedBodyDecoder(req.headers, errors);
    if (!decoder) return;
    const source = req.bodyStream;
    source.on('error', (e) => decoder.destroy(e));
    req.bodyStream = source.pipe(decoder);
    if (decoder instanceof AwsChunkedDecoder) req.headers = decodedHeaders(req.headers, undefined);
  } else if (req.body !== undefined) {
    if (verified && isHexSha256(verified.payloadHash)) return checkContentSha256(req.body, verified.payloadHash, errors);
    const decoder = verified ? signedBodyDecoder(verified, req.headers, errors) : unverifiedBodyDecoder(req.headers, errors);
    if (!(decoder instanceof AwsChunkedDecoder)) return;
    req.body = decoder.decodeAll(req.body);
    req.headers = decodedHeaders(req.headers, decoder.trailers);
  }
}

/** The headers as if the decoded body had been sent plainly (see decodeS3Body). */
function decodedHeaders(headers: IncomingHttpHeaders, trailers: ReadonlyMap<string, string> | undefined): IncomingHttpHeaders {
  const view: IncomingHttpHeaders = { ...headers, 'content-length': header(headers, 'x-amz-decoded-content-length') };
  const encoding = withoutAwsChunked(header(headers, 'content-encoding'));
  if (encoding) view['content-encoding'] = encoding;
  else delete view['content-encoding'];
  for (const [name, value] of trailers ?? []) {
    if (name.startsWith('x-amz-checksum-') && view[name] === undefined) view[name] = value;
  }
  return view;
}

/** `aws-chunked,gzip` → `gzip`; `aws-chunked` → undefined. */
function withoutAwsChunked(contentEncoding: string | undefined): string | undefined {
  if (contentEncoding === undefined) return undefined;
  const kept = contentEncoding.split(',').filter((token) => token.trim().toLowerCase() !== 'aws-chunked');
  return kept.join(',').trim() || undefined;
}
