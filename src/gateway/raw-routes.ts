/**
 * The gateway's side of raw routes (services/raw-routes.ts): requests a service answers itself
 * before operation routing, and response decorators. Nothing here names a service.
 *
 * A raw route gets a narrow view of the request and a context through which it resolves access
 * keys, authorizes as one of its service's operations (the same authorize step every operation
 * goes through), runs its own handlers and writes outputs and errors in its protocol.
 */
import { Readable } from 'node:stream';
import { anonymousCaller, type Caller } from '../auth/principal.js';
import { resolveAccessKey } from './authenticate.js';
import type { Operation } from '../protocol/model/shapes.js';
import type { HttpResponse } from '../protocol/protocols/types.js';
import type { RawRequest, RawRoute, RawRouteContext, ResolvedAccessKey } from '../services/raw-routes.js';
import type { OperationContext } from '../services/service.js';
import type { ServiceError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { authorize } from './authorize.js';
import type { Deserialized, Received, Routed } from './context.js';
import type { Gateway } from './gateway.js';
import { HandlerContext } from './handler-context.js';
import type { ServiceRegistry, ServiceRuntime } from './services.js';

/** The request as raw routes and decorators see it (built only for services that declare them). */
export class RequestView implements RawRequest {
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly query: ReadonlyMap<string, string>;
  readonly host: string;
  readonly hostLabel: string | undefined;
  readonly hostBucket: string | undefined;
  readonly region: string;
  private readonly rx: Routed;
  private bodyStream: Readable | undefined;

  constructor(rx: Routed, defaultRegion: string) {
    this.rx = rx;
    this.requestId = rx.requestId;
    this.method = rx.http.method;
    this.path = rx.http.path;
    this.rawQuery = rx.http.rawQuery;
    this.query = rx.query;
    this.host = headerOf(rx, 'host') ?? rx.http.host;
    this.hostLabel = rx.route.hostLabel;
    this.hostBucket = rx.route.hostBucket;
    this.region = rx.route.hostRegion ?? defaultRegion;
  }

  header(name: string): string | undefined {
    return headerOf(this.rx, name);
  }

  /** The body: the socket, or the bytes already read (query-protocol routing reads urlencoded forms). */
  get body(): Readable {
    if (!this.bodyStream) {
      const read = this.rx.http.body;
      this.bodyStream = read === undefined ? this.rx.raw : Readable.from([read]);
    }
    return this.bodyStream;
  }
}

function headerOf(rx: Received, name: string): string | undefined {
  const v = rx.http.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

// The services that own paths under /_nimbus/, per registry (listed once).
const nimbusOwners = new WeakMap<ServiceRegistry, readonly (readonly [string, ServiceRuntime])[]>();

/** The service that answers a `/_nimbus/…` path itself, if one declared it. */
export function nimbusPathOwner(registry: ServiceRegistry, path: string): ServiceRuntime | undefined {
  let owners = nimbusOwners.get(registry);
  if (!owners) {
    owners = registry.all.flatMap((r) => (r.definition?.nimbusPaths ?? []).map((p) => [p, r] as const));
    nimbusOwners.set(registry, owners);
  }
  for (const [prefix, runtime] of owners) if (path.startsWith(prefix)) return runtime;
  return undefined;
}

export interface MatchedRawRoute {
  readonly view: RequestView;
  readonly route: RawRoute;
}

/** The raw route that takes this request, if its service declares raw routes and one matches. */
export function matchRawRoute(gw: Gateway, routed: Routed): MatchedRawRoute | undefined {
  const match = routed.runtime.definition?.rawRoutes;
  if (!match) return undefined;
  const view = new RequestView(routed, gw.config.region);
  const route = match(view);
  return route ? { view, route } : undefined;
}

export function runRawRoute(gw: Gateway, routed: Routed, matched: MatchedRawRoute): Promise<HttpResponse> {
  return matched.route(matched.view, new RawContext(gw, routed, matched.view.region));
}

/**
 * Lets the service add headers to an answer (S3's CORS headers). Only requests carrying the
 * decorator's header pay for the view.
 */
export function decorateResponse(gw: Gateway, routed: Routed, response: HttpResponse, view: RequestView | undefined): void {
  const decorator = routed.runtime.definition?.decorateResponse;
  if (!decorator || routed.http.headers[decorator.when] === undefined) return;
  decorator.decorate(view ?? new RequestView(routed, gw.config.region), response, routed.runtime.store);
}

class RawContext implements RawRouteContext<unknown> {
  readonly store: unknown;
  readonly log: Logger;

  constructor(
    private readonly gw: Gateway,
    private readonly routed: Routed,
    private readonly region: string,
  ) {
    this.store = routed.runtime.store;
    this.log = gw.log;
  }

  now(): Date {
    return this.gw.clock.now();
  }

  anonymousCaller(): Caller {
    return anonymousCaller(this.gw.config.defaultAccountId);
  }

  /** As authenticate.ts resolves the key of a signed request: issued keys, then --strict-auth's root, then conventional keys. */
  resolveAccessKey(accessKeyId: string): ResolvedAccessKey | undefined {
    const key = resolveAccessKey(this.gw, accessKeyId);
    if (!key) return undefined;
    const { issued } = key;
    return { caller: key.caller, secretAccessKey: key.secretAccessKey, sessionToken: issued?.sessionToken, active: issued?.active ?? true, expiresAt: issued?.expiresAt };
  }

  authorize(operation: string, input: Record<string, unknown>, caller: Caller): void {
    authorize(this.gw, this.as(operation, input, caller));
  }

  operationContext(operation: string, caller: Caller): OperationContext<unknown> {
    return new HandlerContext(this.as(operation, {}, caller), this.gw);
  }

  serializeOutput(operation: string, output: Record<string, unknown>): HttpResponse {
    return this.routed.protocol.serializeOutput(this.operation(operation), output, { requestId: this.routed.requestId });
  }

  serializeError(error: ServiceError): HttpResponse {
    return this.routed.protocol.serializeError(this.routed.runtime.model(), undefined, error, { requestId: this.routed.requestId });
  }

  private operation(name: string): Operation {
    const op = this.routed.runtime.model().operations.get(name);
    if (!op) throw new Error(`raw route: ${this.routed.runtime.entry.id} has no operation ${name}`);
    return op;
  }

  /** The request's context as if it were a call of `operation` by `caller` (what authorize and handlers read). */
  private as(operation: string, input: Record<string, unknown>, caller: Caller): Deserialized {
    const call = this.routed;
    call.caller = caller;
    call.accountId = caller.accountId;
    call.region = this.region;
    call.operation = this.operation(operation);
    call.input = input;
    return call as Deserialized;
  }
}
