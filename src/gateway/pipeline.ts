/**
 * The request pipeline, step by step:
 *   receive → route service → [raw route] → authenticate → route operation → read body →
 *   deserialize → validate → authorize → invoke → serialize → [decorate] → finalize.
 * A raw route is a request its service answers itself (S3's browser routes: form uploads, CORS
 * preflights, website endpoints; see raw-routes.ts); decorators add headers to answers (CORS).
 * Each step is a small function from one stage of the context to the next (see context.ts). The
 * one catch-all is here: anything a step throws becomes the service's error envelope, and
 * anything that is not an AWS error becomes InternalFailure with the request id logged.
 *
 * Steps are synchronous unless they must wait (a body still arriving, an async handler, a
 * streamed response): an `await` on every step costs a promise and a microtask turn each, which
 * added up to a sizeable share of a small request's CPU.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readCredential } from '../auth/credentials.js';
import { formMemberName, parseFormPairs } from '../protocol/codecs/form.js';
import { MalformedRequestError } from '../protocol/codecs/malformed.js';
import type { Operation } from '../protocol/model/shapes.js';
import { formParam } from '../protocol/protocols/form-common.js';
import { protocolFor } from '../protocol/protocols/index.js';
import type { HttpResponse } from '../protocol/protocols/types.js';
import { virtualHostedPath } from '../protocol/quirks/s3-virtual-host.js';
import { missingRequired, validateInput, validationMessage } from '../protocol/validate/validate.js';
import { CommonErrors, ServiceError, isServiceError } from '../shared/errors.js';
import { requestId as newRequestId } from '../shared/ids.js';
import { handleAdmin } from '../admin/routes.js';
import { authenticate, verifySignature } from './authenticate.js';
import { authorize } from './authorize.js';
import { bodyFullyRead, bodyIfArrived, decompress, readBody } from './body.js';
import type { Authenticated, Deserialized, Received, Routed } from './context.js';
import { countRequest, type Gateway } from './gateway.js';
import { HandlerContext } from './handler-context.js';
import { decorateResponse, matchRawRoute, nimbusPathOwner, runRawRoute, type MatchedRawRoute } from './raw-routes.js';
import { addRequestIdHeaders, writeResponse } from './respond.js';
import { routeService, routeTo } from './routing.js';
import type { ServiceRuntime } from './services.js';

type Output = Record<string, unknown>;

export async function handleRequest(gw: Gateway, raw: IncomingMessage, res: ServerResponse): Promise<void> {
  gw.inFlight++;
  const rx = receive(raw);
  try {
    // Nimbus's own endpoints, except the paths a service declared it answers itself (raw-routes.ts).
    const nimbusPath = rx.http.path.startsWith('/_nimbus/');
    const owner = nimbusPath ? nimbusPathOwner(gw.registry, rx.http.path) : undefined;
    if (nimbusPath && !owner) {
      await handleAdmin(gw, rx, res);
      return;
    }
    let routed: Routed | undefined;
    let call: Deserialized | undefined;
    let rawRoute: MatchedRawRoute | undefined;
    let response: HttpResponse;
    try {
      if (isQueryForm(rx)) await readQueryForm(rx);
      routed = owner ? routeToOwner(rx, owner) : routeServiceStep(gw, rx);
      // Requests the service answers itself (S3's browser routes); services without any pay nothing.
      rawRoute = matchRawRoute(gw, routed);
      if (rawRoute) {
        response = await runRawRoute(gw, routed, rawRoute);
      } else {
        const authed = authenticate(gw, routed);
        if (authed.protocol.needsBodyToRoute && authed.http.body === undefined) await readWholeBody(authed);
        const operation = routeOperation(authed);
        const pending = takeBody(authed, operation);
        if (pending) await pending;
        verifySignature(authed);
        if (operation.httpChecksumRequired || operation.httpChecksum?.requestAlgorithmMember !== undefined) checkRequestBody(authed, operation);
        call = deserialize(authed, operation);
        validate(call);
        authorize(gw, call);
        const output = invoke(gw, call);
        response = call.protocol.serializeOutput(call.operation, output instanceof Promise ? await output : output, { requestId: rx.requestId });
      }
    } catch (e) {
      response = serializeError(gw, rx, routed, call, e);
    }
    if (routed) decorate(gw, routed, response, rawRoute);
    const writing = finalize(gw, rx, routed, call, response, res);
    if (writing) await writing;
  } finally {
    gw.inFlight--;
  }
}

// 1. receive ---------------------------------------------------------------------------------

const NO_QUERY: ReadonlyMap<string, string> = new Map();

function receive(raw: IncomingMessage): Received {
  const url = raw.url ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const rawQuery = q === -1 ? '' : url.slice(q + 1);
  const hostHeader = raw.headers.host ?? '';
  const colon = hostHeader.startsWith('[') ? hostHeader.indexOf(']') + 1 : hostHeader.indexOf(':');
  const host = colon === -1 ? hostHeader : hostHeader.slice(0, colon);
  const query = rawQuery ? new Map<string, string>() : NO_QUERY;
  if (rawQuery) {
    try {
      for (const [k, v] of parseFormPairs(rawQuery.replace(/\+/g, '%2B'))) if (!query.has(k)) (query as Map<string, string>).set(k, v);
    } catch {
      // A malformed query string is the protocol's to reject, with the service's error envelope.
    }
  }
  return {
    requestId: newRequestId(),
    startedAt: process.hrtime.bigint(),
    raw,
    http: { method: raw.method ?? 'GET', path, rawPath: path, rawQuery, headers: raw.headers, host, body: undefined, bodyStream: undefined },
    query,
    route: undefined,
    runtime: undefined,
    protocol: undefined,
    credential: undefined,
    credentialError: undefined,
    caller: undefined,
    signature: undefined,
    accountId: undefined,
    region: undefined,
    operation: undefined,
    input: undefined,
  };
}

// 2. route service ---------------------------------------------------------------------------

/** A query/EC2-protocol request: a POSTed form (S3 objects are PUT; S3 form uploads are multipart). */
function isQueryForm(rx: Received): boolean {
  return rx.http.method === 'POST' && (rx.http.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
}

/**
 * Query-protocol requests may name Action and Version only in the form body: read it before
 * routing, undoing request compression first (query services never treat Content-Encoding as data).
 */
async function readQueryForm(rx: Received): Promise<void> {
  const received = await readBody(rx.raw);
  rx.http.body = decompress(received, headerText(rx, 'content-encoding'), ['gzip']);
  if (rx.http.body !== received) rx.http.signedBody = received;
}

function routeServiceStep(gw: Gateway, rx: Received): Routed {
  let action = rx.query.get('Action');
  let version = rx.query.get('Version');
  if (action === undefined && rx.http.body !== undefined && isQueryForm(rx)) {
    try {
      action = formParam(rx.http, 'Action');
      version = formParam(rx.http, 'Version');
    } catch {
      // left to the protocol to reject
    }
  }
  try {
    rx.credential = readCredential(headerText(rx, 'authorization'), rx.query);
  } catch (e) {
    // A malformed signature is rejected in authenticate, once the error envelope is known.
    rx.credentialError = e;
  }
  const route = routeService(rx.http, { credential: rx.credential, action, version }, gw.registry);
  if (!route) throw CommonErrors.serviceNotAvailable(`${rx.http.method} ${rx.http.path}`);
  if (route.hostBucket !== undefined) rx.http.path = virtualHostedPath(route.hostBucket, rx.http.path);
  rx.route = route;
  rx.runtime = route.runtime;
  rx.protocol = protocolFor(route.runtime.model(), rx.http);
  return rx as Routed;
}

/** A `/_nimbus/` path a service declared it answers: routed to it, whatever the host says. */
function routeToOwner(rx: Received, runtime: ServiceRuntime): Routed {
  rx.route = routeTo(runtime);
  rx.runtime = runtime;
  rx.protocol = protocolFor(runtime.model(), rx.http);
  return rx as Routed;
}

/** Response decorators (S3's CORS headers) never turn an answer into a failure. */
function decorate(gw: Gateway, routed: Routed, response: HttpResponse, rawRoute: MatchedRawRoute | undefined): void {
  if (!routed.runtime.definition?.decorateResponse) return;
  try {
    decorateResponse(gw, routed, response, rawRoute?.view);
  } catch (e) {
    gw.log.error(`request ${routed.requestId}: response decorator failed`, e);
  }
}

function headerText(rx: Received, name: string): string | undefined {
  const v = rx.http.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

// 3. authenticate: see authenticate.ts (verifySignature runs once the body is read) -------

// 4. route operation, read the body, deserialize ----------------------------------------------

async function readWholeBody(authed: Authenticated): Promise<void> {
  authed.http.body = await readBody(authed.raw);
}

function routeOperation(authed: Authenticated): Operation {
  const operation = authed.protocol.resolveOperation(authed.runtime.model(), authed.http);
  if (!operation) throw unknownOperation(authed);
  return operation;
}

/**
 * Gives the protocol the body: a stream for streaming uploads, else the bytes, undoing request
 * compression where the operation accepts it. Returns a promise only when the body is still
 * arriving.
 */
function takeBody(authed: Authenticated, operation: Operation): Promise<void> | undefined {
  const http = authed.http;
  if (http.body !== undefined || http.bodyStream !== undefined) return undefined;
  if (authed.protocol.streamsInput(operation)) return takeUpload(authed);
  const keep = (body: Buffer) => {
    http.body = operation.requestCompression.length ? decompress(body, headerText(authed, 'content-encoding'), operation.requestCompression) : body;
    if (http.body !== body) http.signedBody = body;
  };
  const now = bodyIfArrived(authed.raw);
  if (now) {
    keep(now);
    return undefined;
  }
  // node:http parses a small body right after the 'request' event returns: one microtask later it
  // has usually all arrived, which is far cheaper than reading it through stream events.
  return Promise.resolve().then(() => {
    const later = bodyIfArrived(authed.raw);
    return later ? keep(later) : readBody(authed.raw).then(keep);
  });
}

/**
 * A streaming upload's body: small ones (declared ≤ SMALL_UPLOAD bytes) that have arrived by the
 * next microtask, as they almost always have, are handed over as bytes — the signature's payload
 * hash, aws-chunked framing and the service's digests are then checked in one go, with no stream
 * plumbing (which cost a 1 KiB PutObject more than the rest of its handling). Anything larger, or
 * still arriving, streams.
 */
const SMALL_UPLOAD = 64 * 1024;

function takeUpload(authed: Authenticated): Promise<void> | undefined {
  const http = authed.http;
  const raw = authed.raw;
  if (!(Number(raw.headers['content-length']) <= SMALL_UPLOAD)) {
    http.bodyStream = raw;
    return undefined;
  }
  const now = bodyIfArrived(raw);
  if (now) {
    http.body = now;
    return undefined;
  }
  return Promise.resolve().then(() => {
    const later = bodyIfArrived(raw);
    if (later) http.body = later;
    else http.bodyStream = raw;
  });
}

/**
 * Lets the service check a body held in memory against the checksums its headers declare (S3's
 * Content-MD5 and x-amz-checksum-* on DeleteObjects, PutBucketTagging …), before it is parsed.
 * Only operations whose request the model says carries a checksum get here (httpChecksumRequired,
 * or httpChecksum with a requestAlgorithmMember: not GetObject, whose trait is about responses);
 * streamed bodies are the handler's to check as they arrive.
 */
function checkRequestBody(authed: Authenticated, operation: Operation): void {
  const check = authed.runtime.definition?.checkRequestBody;
  const http = authed.http;
  // Uploads are the handler's to check, however they arrived (streamed or, when small, in memory).
  if (!check || http.bodyStream !== undefined || authed.protocol.streamsInput(operation)) return;
  // The bytes the client checksummed: Smithy compresses before it checksums, so a body this
  // operation decompressed (takeBody) is checked as it came.
  const body = operation.requestCompression.length && http.signedBody ? http.signedBody : http.body;
  if (body !== undefined) check(operation, http.headers, body);
}

function deserialize(authed: Authenticated, operation: Operation): Deserialized {
  authed.operation = operation;
  authed.input = authed.protocol.parseInput(operation, authed.http);
  return authed as Deserialized;
}

function unknownOperation(authed: Authenticated): ServiceError {
  const { method, path } = authed.http;
  switch (authed.protocol.name) {
    case 'query':
    case 'ec2':
      return new ServiceError('MissingAction', 'The request must contain the parameter Action.');
    case 'rest-xml':
      return new ServiceError('MethodNotAllowed', 'The specified method is not allowed against this resource.', { statusCode: 405 });
    default:
      return new ServiceError('UnknownOperationException', `No ${authed.runtime.entry.serviceId} operation matches ${method} ${path}.`, { statusCode: 404 });
  }
}

// 5. validate ------------------------------------------------------------------------------

function validate(call: Deserialized): void {
  const style = call.runtime.validation;
  const shape = call.operation.input;
  if (style.kind === 'coral') {
    const violations = validateInput(shape, call.input, { enums: style.enums, quoteNumbers: style.quoteNumbers });
    if (violations.length) throw new ServiceError(style.code, validationMessage(violations));
  } else if (style.kind === 'ec2') {
    const missing = missingRequired(shape, call.input)[0];
    if (missing) throw new ServiceError('MissingParameter', `The request must contain the parameter ${formMemberName(missing, 'ec2')}`);
  }
}

// 6. authorize: see authorize.ts ----------------------------------------------------------

// 7. invoke --------------------------------------------------------------------------------

function invoke(gw: Gateway, call: Deserialized): Output | Promise<Output> {
  const def = call.runtime.definition;
  const handler = def?.handlers[call.operation.name];
  if (!def || !handler) throw CommonErrors.notImplemented(call.runtime.entry.serviceId, call.operation.name);
  const ctx = new HandlerContext(call, gw);
  const before = def.beforeInvoke?.(call.operation.name, call.input, ctx);
  if (before instanceof Promise) return before.then(() => handler(call.input, ctx)).then(orEmpty);
  const out = handler(call.input, ctx);
  return out instanceof Promise ? out.then(orEmpty) : orEmpty(out);
}

function orEmpty(out: unknown): Output {
  return (out ?? {}) as Output;
}

// 8. serialize (errors; outputs are serialized inline above) -------------------------------

function serializeError(gw: Gateway, rx: Received, routed: Routed | undefined, call: Deserialized | undefined, e: unknown): HttpResponse {
  let err: ServiceError;
  if (isServiceError(e)) {
    err = e;
  } else if (e instanceof MalformedRequestError) {
    err = routed ? routed.protocol.malformed(e) : new ServiceError('BadRequest', e.message);
  } else {
    gw.log.error(`request ${rx.requestId} ${call ? `${call.runtime.entry.id}.${call.operation.name}` : rx.http.path} failed`, e);
    err = CommonErrors.internalFailure();
  }
  if (!routed) {
    const body = `<ErrorResponse><Error><Code>${err.code}</Code><Message>${err.message.replace(/[<&>]/g, ' ')}</Message></Error><RequestId>${rx.requestId}</RequestId></ErrorResponse>`;
    return { statusCode: err.statusCode, headers: { 'content-type': 'text/xml' }, body };
  }
  return routed.protocol.serializeError(routed.runtime.model(), call?.operation, err, { requestId: rx.requestId });
}

// 9. finalize --------------------------------------------------------------------------------

function finalize(gw: Gateway, rx: Received, routed: Routed | undefined, call: Deserialized | undefined, response: HttpResponse, res: ServerResponse): Promise<void> | undefined {
  const serviceId = routed?.runtime.entry.serviceId;
  addRequestIdHeaders(response.headers, rx.requestId, serviceId);
  const writing = writeResponse(res, response, rx.http.method === 'HEAD', !bodyFullyRead(rx.raw));
  const service = routed?.runtime.entry.id ?? 'unknown';
  countRequest(gw, service, response.statusCode, response.statusCode === 501);
  if (gw.log.enabled('info')) {
    const ms = Number(process.hrtime.bigint() - rx.startedAt) / 1e6;
    // Raw routes name the operation they acted as (a form upload as PutObject), if any.
    gw.log.info(`${service}.${call?.operation.name ?? routed?.operation?.name ?? '-'} ${response.statusCode} ${ms.toFixed(1)}ms ${rx.requestId}`);
  }
  return writing;
}
