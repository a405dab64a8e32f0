/**
 * The request's context as it moves through the pipeline, one type per stage: each step takes
 * the previous stage and returns the next, so a step cannot use what is not known yet.
 */
import type { IncomingMessage } from 'node:http';
import type { Caller } from '../auth/principal.js';
import type { SignedCredential } from '../auth/credentials.js';
import type { Operation } from '../protocol/model/shapes.js';
import type { HttpRequest, WireProtocol } from '../protocol/protocols/types.js';
import type { ServiceRoute } from './routing.js';
import type { ServiceRuntime } from './services.js';

export interface Received {
  readonly requestId: string;
  readonly startedAt: bigint;
  readonly raw: IncomingMessage;
  readonly http: HttpRequest;
  /** Decoded query parameters (first value of each name). */
  readonly query: ReadonlyMap<string, string>;
}

export interface Routed extends Received {
  readonly route: ServiceRoute;
  readonly runtime: ServiceRuntime;
  readonly protocol: WireProtocol;
}

export interface Authenticated extends Routed {
  readonly credential?: SignedCredential;
  readonly caller: Caller;
  readonly accountId: string;
  readonly region: string;
}

export interface Deserialized extends Authenticated {
  readonly operation: Operation;
  readonly input: Record<string, unknown>;
}
