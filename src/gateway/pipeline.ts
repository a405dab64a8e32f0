/**
 * The request pipeline, step by step:
 *   receive → route service → authenticate → route operation + deserialize → validate →
 *   authorize → invoke → serialize → finalize.
 * Each step is a small function from one stage of the context to the next (see context.ts). The
 * one catch-all is here: anything a step throws becomes the service's error envelope, and
 * anything that is not an AWS error becomes InternalFailure with the request id logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readCredential } from '../auth/credentials.js';
import { resolveCaller } from '../auth/principal.js';
import { parseFormPairs } from '../protocol/codecs/form.js';
import { MalformedRequestError } from '../protocol/codecs/malformed.js';
import { protocolFor } from '../protocol/protocols/index.js';
import { formParam } from '../protocol/protocols/form-common.js';
import type { HttpResponse } from '../protocol/protocols/types.js';
import { formMemberName } from '../protocol/codecs/form.js';
import { missingRequired, validateInput, validationMessage } from '../protocol/validate/validate.js';
import { CommonErrors, ServiceError, isServiceError } from '../shared/errors.js';
import { requestId as newRequestId } from '../shared/ids.js';
import { handleAdmin } from '../admin/routes.js';
import type { OperationContext } from '../services/service.js';
import { decompress, readBody } from './body.js';
import type { Authenticated, Deserialized, Received, Routed } from './context.js';
import { countRequest, type Gateway } from './gateway.js';
import { bodyFullyRead, requestIdHeaders, writeResponse } from './respond.js';
import { routeService } from './routing.js';
import { virtualHostedPath } from '../protocol/quirks/s3-virtual-host.js';

export async function handleRequest(gw: Gateway, raw: IncomingMessage, res: ServerResponse): Promise<void> {
  gw.inFlight++;
  const rx = receive(raw);
  try {
    if (rx.http.path.startsWith('/_nimbus/')) {
      await handleAdmin(gw, rx, res);
      return;
    }
    let routed: Routed | undefined;
    let call: Deserialized | undefined;
    let response: HttpResponse;
    try {
      routed = await routeServiceStep(gw, rx);
      const authed = authenticate(gw, routed);
      call = await deserialize(authed);
      validate(call);
      authorize(call);
      const output = await invoke(gw, call);
      response = call.protocol.serializeOutput(call.operation, output, { requestId: rx.requestId });
    } catch (e) {
      response = serializeError(gw, rx, routed, call, e);
    }
    await finalize(gw, rx, routed, call, response, res);
  } finally {
    gw.inFlight--;
  }
}

// 1. receive ---------------------------------------------------------------------------------

function receive(raw: IncomingMessage): Received {
  const url = raw.url ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const rawQuery = q === -1 ? '' : url.slice(q + 1);
  const hostHeader = raw.headers.host ?? '';
  const host = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0]!;
  const query = new Map<string, string>();
  if (rawQuery) {
    try {
      for (const [k, v] of parseFormPairs(rawQuery.replace(/\+/g, '%2B'))) if (!query.has(k)) query.set(k, v);
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

async function routeServiceStep(gw: Gateway, rx: Received): Promise<Routed> {
  // Query-protocol requests may name Action and Version only in the form body: read it now, and
  // undo request compression first (query services never treat Content-Encoding as data).
  let action = rx.query.get('Action');
  let version = rx.query.get('Version');
  if (isQueryForm(rx)) {
    rx.http.body = decompress(await readBody(rx.raw), headerText(rx, 'content-encoding'), ['gzip']);
    if (action === undefined) {
      try {
        action = formParam(rx.http, 'Action');
        version = formParam(rx.http, 'Version');
      } catch {
        // left to the protocol to reject
      }
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

function headerText(rx: Received, name: string): string | undefined {
  const v = rx.http.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

// 3. authenticate ----------------------------------------------------------------------------

/**
 * Resolves the caller from the credential. Signature verification (header, presigned, chunked)
 * and IAM/STS credentials arrive with the identity issue and slot in here.
 */
function authenticate(gw: Gateway, routed: Routed): Authenticated {
  if (routed.credentialError) throw routed.credentialError;
  const credential = routed.credential;
  const caller = resolveCaller(credential?.accessKeyId, gw.config.defaultAccountId);
  const scopeRegion = credential?.region && credential.region !== '*' ? credential.region : undefined;
  routed.caller = caller;
  routed.accountId = caller.accountId;
  routed.region = scopeRegion ?? routed.route.hostRegion ?? gw.config.region;
  return routed as Authenticated;
}

// 4. route operation + deserialize -----------------------------------------------------------

async function deserialize(authed: Authenticated): Promise<Deserialized> {
  const { protocol, http } = authed;
  const model = authed.runtime.model();
  if (protocol.needsBodyToRoute && http.body === undefined) http.body = await readBody(authed.raw);
  const operation = protocol.resolveOperation(model, http);
  if (!operation) throw unknownOperation(authed);
  if (http.body === undefined) {
    if (protocol.streamsInput(operation)) {
      http.bodyStream = authed.raw;
    } else {
      http.body = await readBody(authed.raw);
      if (operation.requestCompression.length) {
        http.body = decompress(http.body, headerText(authed, 'content-encoding'), operation.requestCompression);
      }
    }
  }
  authed.operation = operation;
  authed.input = protocol.parseInput(operation, http);
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
    const violations = validateInput(shape, call.input, { enums: style.enums });
    if (violations.length) throw new ServiceError(style.code, validationMessage(violations));
  } else if (style.kind === 'ec2') {
    const missing = missingRequired(shape, call.input)[0];
    if (missing) throw new ServiceError('MissingParameter', `The request must contain the parameter ${formMemberName(missing, 'ec2')}`);
  }
}

// 6. authorize -----------------------------------------------------------------------------

/**
 * Unsigned requests: AWS refuses them except for S3 (anonymous access, decided by bucket policies
 * and ACLs) and operations modeled as unauthenticated (`authtype: none`, e.g. STS
 * AssumeRoleWithWebIdentity). Every signed caller today is an account root, which AWS lets do
 * anything in its own account; the IAM policy engine arrives with the identity issue and decides
 * here, from each operation's action, resources and condition keys.
 */
function authorize(call: Deserialized): void {
  if (call.caller.type !== 'anonymous') return;
  if (call.runtime.entry.id === 's3' || call.operation.authType === 'none') return;
  throw missingAuthentication(call.protocol.name);
}

function missingAuthentication(protocol: string): ServiceError {
  return protocol === 'query' || protocol === 'ec2'
    ? new ServiceError('MissingAuthenticationToken', 'Request is missing Authentication Token', { statusCode: 403 })
    : new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', { statusCode: 403 });
}

// 7. invoke --------------------------------------------------------------------------------

async function invoke(gw: Gateway, call: Deserialized): Promise<Record<string, unknown>> {
  const def = call.runtime.definition;
  const handler = def?.handlers[call.operation.name];
  if (!def || !handler) throw CommonErrors.notImplemented(call.runtime.entry.serviceId, call.operation.name);
  const ctx: OperationContext<unknown> = {
    requestId: call.requestId,
    accountId: call.accountId,
    region: call.region,
    caller: call.caller,
    operation: call.operation.name,
    now: () => gw.clock.now(),
    store: call.runtime.store,
    log: gw.log,
  };
  await def.beforeInvoke?.(call.operation.name, call.input, ctx);
  return ((await handler(call.input, ctx)) ?? {}) as Record<string, unknown>;
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

async function finalize(gw: Gateway, rx: Received, routed: Routed | undefined, call: Deserialized | undefined, response: HttpResponse, res: ServerResponse): Promise<void> {
  const serviceId = routed?.runtime.entry.serviceId;
  await writeResponse(res, response, requestIdHeaders(rx.requestId, serviceId), rx.http.method === 'HEAD', !bodyFullyRead(rx.raw));
  const service = routed?.runtime.entry.id ?? 'unknown';
  countRequest(gw, service, response.statusCode, response.statusCode === 501);
  if (gw.log.enabled('info')) {
    const ms = Number(process.hrtime.bigint() - rx.startedAt) / 1e6;
    gw.log.info(`${service}.${call?.operation.name ?? '-'} ${response.statusCode} ${ms.toFixed(1)}ms ${rx.requestId}`);
  }
}
