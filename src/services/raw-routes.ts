/**
 * Raw routes: the few requests a service answers itself, before operation routing, because they
 * are not operations of its model. S3 has three, all for browsers: HTML form uploads (`POST` of
 * multipart/form-data to a bucket), CORS preflights (`OPTIONS`) and static website endpoints.
 *
 * A service declares `rawRoutes` (a cheap, synchronous matcher) and, if it must add headers to
 * every answer of some requests, `decorateResponse` (S3's CORS headers). The gateway names no
 * service: a service without these hooks pays nothing, and a decorator runs only for requests
 * carrying its `when` header (S3 requests without `Origin` pay one header lookup).
 *
 * Raw routes see a narrow view of the request (RawRequest) and call back into the gateway for what
 * must stay the gateway's: resolving access keys, authorizing as one of the service's operations,
 * running handlers with a proper OperationContext, and writing outputs and errors in the
 * service's protocol.
 */
import type { Readable } from 'node:stream';
import type { Caller } from '../auth/principal.js';
import type { Logger } from '../shared/logger.js';
import type { ServiceError } from '../shared/errors.js';
import type { OperationContext } from './service.js';

/** What a raw route sees of the request. */
export interface RawRequest {
  readonly requestId: string;
  readonly method: string;
  /**
   * The path, percent-encoded, without the query. Virtual-hosted S3 requests are already in path
   * style (`/bucket/key`).
   */
  readonly path: string;
  /** The query string as received, without `?`. */
  readonly rawQuery: string;
  /** Decoded query parameters (first value of each name). */
  readonly query: ReadonlyMap<string, string>;
  /** A request header's value (lower-case name); repeated headers joined with `, `. */
  header(name: string): string | undefined;
  /** The Host header as sent (port included), for building absolute URLs. */
  readonly host: string;
  /** The service label the host name carried (`s3`, `s3-website`, `s3-website-us-west-2` …), if any. */
  readonly hostLabel: string | undefined;
  /** The name left of the host label (S3's virtual-hosted bucket), if any. */
  readonly hostBucket: string | undefined;
  /** The region the host names, else Nimbus's default region. */
  readonly region: string;
  /** The body, not yet read. */
  readonly body: Readable;
}

/** An answer (header names in lower case; the gateway adds request ids and Content-Length). */
export interface RawResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body?: string | Buffer | Readable;
}

/** An access key as the gateway resolves it for signed requests. */
export interface ResolvedAccessKey {
  readonly caller: Caller;
  /**
   * The secret to verify signatures with. Undefined for the conventional keys (`test`, 12-digit
   * account ids …), whose signatures Nimbus never checks, as with header and query signatures.
   */
  readonly secretAccessKey: string | undefined;
  /** STS credentials: the token the request must carry. */
  readonly sessionToken?: string;
  /** IAM keys can be Inactive. */
  readonly active: boolean;
  /** Epoch milliseconds after which the credential is refused. */
  readonly expiresAt?: number;
}

/** What a raw route may ask of the gateway. */
export interface RawRouteContext<S = unknown> {
  readonly store: S;
  readonly log: Logger;
  /** The current time, from Nimbus's clock (tests can move it). */
  now(): Date;
  /** The caller of an unsigned request. */
  anonymousCaller(): Caller;
  /**
   * Who an access key stands for: IAM and STS keys resolve to their principal (with their secret),
   * conventional keys to the root they name (no secret). Undefined for a key `--strict-auth`
   * refuses. The route checks the signature, the key's state and its token itself.
   */
  resolveAccessKey(accessKeyId: string): ResolvedAccessKey | undefined;
  /**
   * Authorizes `caller` to run the service's `operation` with `input`, exactly as the gateway
   * authorizes that operation (its declared actions, resources and resource policies, under the
   * `--iam` mode); throws the service's AccessDenied.
   */
  authorize(operation: string, input: Record<string, unknown>, caller: Caller): void;
  /** The context to call one of the service's own handlers with, as `caller`. */
  operationContext(operation: string, caller: Caller): OperationContext<S>;
  /** An operation's output written as the protocol writes it (status, headers, body). */
  serializeOutput(operation: string, output: Record<string, unknown>): RawResponse;
  /** An error written as the protocol writes it. */
  serializeError(error: ServiceError): RawResponse;
}

export type RawRoute<S = unknown> = (request: RawRequest, ctx: RawRouteContext<S>) => Promise<RawResponse>;

/** Adds headers to answers of requests that carry the `when` header (S3's CORS headers). */
export interface ResponseDecorator<S = unknown> {
  /** A request header (lower-case): requests without it are not decorated, at no cost. */
  readonly when: string;
  /** Runs for every answer (operation outputs, errors, raw routes) of such a request. */
  decorate(request: RawRequest, response: RawResponse, store: S): void;
}

/** What a service declares to answer requests itself (see the file comment). */
export interface RawRouteHooks<S = unknown> {
  /** Picks the raw route that answers a request, or undefined to route it as an operation. */
  readonly rawRoutes?: (request: RawRequest) => RawRoute<S> | undefined;
  /** Paths under `/_nimbus/` the service answers (a prefix each, e.g. `/_nimbus/website/`). */
  readonly nimbusPaths?: readonly string[];
  readonly decorateResponse?: ResponseDecorator<S>;
}
