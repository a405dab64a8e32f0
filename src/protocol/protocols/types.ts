/**
 * What a wire protocol gets from the gateway and gives back. Protocols turn an HTTP request into
 * `{ operation, input }` and an output or error into an HTTP response; they know the model, never
 * a particular service.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { ServiceError } from '../../shared/errors.js';
import type { MalformedRequestError } from '../codecs/malformed.js';
import type { Operation, ServiceModel } from '../model/shapes.js';

export interface HttpRequest {
  readonly method: string;
  /**
   * Path as the protocol should read it: percent-encoded, without the query string. For
   * virtual-hosted S3 it already starts with the bucket (see quirks/s3-virtual-host.ts).
   */
  path: string;
  /** Path exactly as received (what the client signed). */
  readonly rawPath?: string;
  /** Query string as received, without `?`. */
  readonly rawQuery: string;
  /** Lower-cased header names, as node:http gives them. */
  readonly headers: IncomingHttpHeaders;
  /** Host header without the port. */
  readonly host: string;
  /** The whole body, when it was read into memory (every operation but streaming uploads). */
  body: Buffer | undefined;
  /** The body as received when `body` is its decompressed form (Content-Encoding undone): what the client signed. */
  signedBody?: Buffer;
  /** The body as a stream, for operations whose input payload is a streaming blob. */
  bodyStream: Readable | undefined;
}

export type HeaderValue = string | string[];

export interface HttpResponse {
  statusCode: number;
  /** Header names in lower case (the gateway adds request ids and Content-Length to them). */
  headers: Record<string, HeaderValue>;
  body?: string | Buffer | Readable;
}

export interface ResponseContext {
  requestId: string;
}

export interface WireProtocol {
  readonly name: string;
  /** Whether the request is in this protocol's form (used when a service speaks several). */
  matches(req: HttpRequest): boolean;
  /** Whether the body must be read before `resolveOperation` (RPC protocols name the operation in it). */
  readonly needsBodyToRoute: boolean;
  /**
   * The operation the request names. Throws the protocol's error when the request names an
   * operation the service does not have; returns undefined when nothing matches at all.
   */
  resolveOperation(model: ServiceModel, req: HttpRequest): Operation | undefined;
  /** Whether the operation's input payload is a stream the gateway must not buffer. */
  streamsInput(op: Operation): boolean;
  parseInput(op: Operation, req: HttpRequest): Record<string, unknown>;
  serializeOutput(op: Operation, output: Record<string, unknown>, ctx: ResponseContext): HttpResponse;
  serializeError(model: ServiceModel, op: Operation | undefined, err: ServiceError, ctx: ResponseContext): HttpResponse;
  /** The error this protocol's services answer for a request they cannot read. */
  malformed(e: MalformedRequestError): ServiceError;
}

export function headerValue(req: HttpRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}
