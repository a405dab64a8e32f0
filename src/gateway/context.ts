/**
 * The request's context as it moves through the pipeline. Each stage has its own type, so a step
 * cannot use what is not known yet: Routed adds the service and protocol to Received, and so on.
 *
 * At run time it is one object per request, created with every field (later ones undefined) and
 * filled in step by step. A fixed shape keeps V8's property access monomorphic on the hot path;
 * building a new object per stage with `{ ...previous, more }` gave every request fresh hidden
 * classes and cost about a fifth of the gateway's CPU.
 */
import type { IncomingMessage } from 'node:http';
import type { Caller } from '../auth/principal.js';
import type { SignedCredential } from '../auth/credentials.js';
import type { Operation } from '../protocol/model/shapes.js';
import type { HttpRequest, WireProtocol } from '../protocol/protocols/types.js';
import type { PendingSignature } from './authenticate.js';
import type { ServiceRoute } from './routing.js';
import type { ServiceRuntime } from './services.js';

export interface RequestContext {
  readonly requestId: string;
  readonly startedAt: bigint;
  readonly raw: IncomingMessage;
  readonly http: HttpRequest;
  /** Decoded query parameters (first value of each name). */
  readonly query: ReadonlyMap<string, string>;
  route: ServiceRoute | undefined;
  runtime: ServiceRuntime | undefined;
  protocol: WireProtocol | undefined;
  credential: SignedCredential | undefined;
  /** A malformed SigV4 credential, read at routing and reported once the error envelope is known. */
  credentialError: unknown;
  caller: Caller | undefined;
  /** For requests signed with a key whose secret Nimbus knows: the signature, checked once the body is read. */
  signature: PendingSignature | undefined;
  accountId: string | undefined;
  region: string | undefined;
  operation: Operation | undefined;
  input: Record<string, unknown> | undefined;
}

export type Received = RequestContext;

export type Routed = Received & {
  readonly route: ServiceRoute;
  readonly runtime: ServiceRuntime;
  readonly protocol: WireProtocol;
};

export type Authenticated = Routed & {
  readonly caller: Caller;
  readonly accountId: string;
  readonly region: string;
};

export type Deserialized = Authenticated & {
  readonly operation: Operation;
  readonly input: Record<string, unknown>;
};
