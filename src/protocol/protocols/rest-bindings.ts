/**
 * HTTP bindings shared by rest-json and rest-xml: members bound to URI labels, query parameters,
 * headers, prefixed headers and the status code, plus the payload member. The body document itself
 * is left to a `RestBodyCodec` (JSON or XML).
 */
import type { Readable } from 'node:stream';
import { EVENT_STREAM_CONTENT_TYPE, eventStreamBody, type EventDocumentWriter } from '../codecs/event-stream.js';
import { FLOAT_TYPES, floatToWire, readTextScalar, setOwn, toBuffer } from '../codecs/scalars.js';
import { formatTimestamp, type TimestampFormat } from '../codecs/timestamp.js';
import type { Member, Operation, ServiceModel, Shape } from '../model/shapes.js';
import { boundInRequest, boundInResponse, wireName } from '../model/shapes.js';
import { matchRoute, parseRestQuery, type RouteMatch } from './rest-routes.js';
import type { HeaderValue, HttpRequest, HttpResponse, WireProtocol } from './types.js';

export interface RestBodyCodec {
  readonly contentType: string;
  /** restJson1 servers answer a JSON object even when the output has no body members. */
  readonly alwaysWritesBody: boolean;
  /** Reads the members of `shape` that are not bound elsewhere from a body document. */
  readMembers(shape: Shape, body: Buffer, rootMember?: Member): Record<string, unknown>;
  /** Writes the unbound members of `value` as a body document. */
  writeMembers(shape: Shape, value: Record<string, unknown>, rootName: string, rootMember?: Member): string;
  /** Reads a whole structure bound as the payload. */
  readPayload(member: Member, body: Buffer): unknown;
  writePayload(member: Member, value: unknown): string;
  /** How event payloads are written when the payload is an event stream. */
  readonly eventDocuments: EventDocumentWriter;
}

const routeCache = new WeakMap<HttpRequest, RouteMatch | null>();

/** Finds the operation a REST request names; remembers the match so its labels are read once. */
export function resolveRestOperation(model: ServiceModel, req: HttpRequest): Operation | undefined {
  const m = matchRoute(model, req.method, req.path, parseRestQuery(req.rawQuery), req.headers);
  routeCache.set(req, m ?? null);
  return m?.op;
}

function restRoute(op: Operation, req: HttpRequest): RouteMatch | undefined {
  let m = routeCache.get(req);
  if (m === undefined) {
    m = matchRoute(op.service, req.method, req.path, parseRestQuery(req.rawQuery), req.headers) ?? null;
    routeCache.set(req, m);
  }
  return m?.op === op ? m : undefined;
}

/** A header, label or query value as its member's type; mediaType headers arrive base64-encoded. */
function textScalar(shape: Shape, text: string, where: string, m?: Member): unknown {
  // A mediaType (jsonvalue) header travels base64-encoded; the member is the decoded text.
  if (shape.type === 'string' && m?.jsonvalue) return Buffer.from(text, 'base64').toString('utf8');
  return readTextScalar(shape, text, where);
}

/**
 * Splits a list-valued header. Values are joined with commas; a value holding a comma or quote is
 * quoted, and HTTP-dates carry a comma of their own (`Mon, 16 Dec 2019 …`).
 */
export function splitHeaderList(value: string, itemShape: Shape, m?: Member): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quoted) {
      if (c === '\\' && i + 1 < value.length) cur += value[++i];
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur.trim() === '') {
      quoted = true;
      wasQuoted = true;
      cur = '';
    } else if (c === ',') {
      out.push(wasQuoted ? cur : cur.trim());
      cur = '';
      wasQuoted = false;
    } else {
      cur += c;
    }
  }
  out.push(wasQuoted ? cur : cur.trim());
  const format = m?.timestampFormat ?? itemShape.timestampFormat ?? 'rfc822';
  if (itemShape.type === 'timestamp' && format === 'rfc822') {
    const joined: string[] = [];
    for (let i = 0; i < out.length; i += 2) joined.push(`${out[i]}, ${out[i + 1] ?? ''}`.trim());
    return joined;
  }
  return out;
}

function headerText(shape: Shape, v: unknown, m: Member): string {
  switch (shape.type) {
    case 'timestamp':
      return String(formatTimestamp(v as Date, (m.timestampFormat ?? shape.timestampFormat ?? 'rfc822') as TimestampFormat));
    case 'blob':
      return toBuffer(v).toString('base64');
    case 'string':
      if (m.jsonvalue) return Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64');
      return String(v);
    default:
      if (FLOAT_TYPES.has(shape.type) && typeof v === 'number') return String(floatToWire(v));
      return String(v);
  }
}

function quoteListItem(s: string): string {
  return /[",]/.test(s) ? `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : s;
}

function queryValues(query: [string, string][], name: string): string[] {
  const out: string[] = [];
  for (const [k, v] of query) if (k === name) out.push(v);
  return out;
}

/**
 * Where a shape's members travel, worked out once per shape: requests and responses are read and
 * written from these lists instead of re-deciding, and re-lowercasing, for every member of every
 * request (GetObject's input and output have some forty members each).
 */
interface BindingPlan {
  labels: { m: Member; name: string }[];
  queries: Member[];
  headers: { m: Member; name: string }[];
  /** The same header members by lower-case header name (requests are read header by header). */
  headerMembers: Map<string, Member>;
  prefixed: { m: Member; prefix: string }[];
  statusCode: Member | undefined;
  hasRequestBodyMembers: boolean;
  hasResponseBodyMembers: boolean;
}

const plans = new WeakMap<Shape, BindingPlan>();

function bindingPlan(shape: Shape): BindingPlan {
  let plan = plans.get(shape);
  if (plan) return plan;
  plan = {
    labels: [],
    queries: [],
    headers: [],
    headerMembers: new Map(),
    prefixed: [],
    statusCode: undefined,
    hasRequestBodyMembers: shape.members.some((m) => !boundInRequest(m)),
    hasResponseBodyMembers: shape.members.some((m) => !boundInResponse(m)),
  };
  for (const m of shape.members) {
    if (m.location === 'uri') plan.labels.push({ m, name: wireName(m) });
    else if (m.location === 'querystring') plan.queries.push(m);
    else if (m.location === 'header') plan.headers.push({ m, name: wireName(m).toLowerCase() });
    else if (m.location === 'headers') plan.prefixed.push({ m, prefix: wireName(m).toLowerCase() });
    else if (m.location === 'statusCode') plan.statusCode = m;
  }
  for (const { m, name } of plan.headers) plan.headerMembers.set(name, m);
  plans.set(shape, plan);
  return plan;
}

/** Reads the members bound to labels, query parameters and headers. */
export function readBoundMembers(op: Operation, req: HttpRequest): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const shape = op.input;
  if (!shape) return input;
  const plan = bindingPlan(shape);
  if (plan.labels.length) {
    const route = restRoute(op, req);
    for (const { m, name } of plan.labels) {
      const v = route?.labels[name];
      if (v !== undefined) input[m.name] = textScalar(m.shape, v, m.name, m);
    }
  }
  if (plan.queries.length && req.rawQuery) {
    const query = parseRestQuery(req.rawQuery);
    for (const m of plan.queries) readQueryMember(m, query, input);
  }
  // Header by header (a dozen) rather than member by member (PutObject binds some fifty).
  let prefixed: Record<string, unknown>[] | undefined;
  for (const name in req.headers) {
    const raw = req.headers[name];
    if (raw === undefined) continue;
    const v = Array.isArray(raw) ? raw.join(', ') : raw;
    const m = plan.headerMembers.get(name);
    if (m) input[m.name] = headerValue(m, v);
    for (let i = 0; i < plan.prefixed.length; i++) {
      const prefix = plan.prefixed[i]!.prefix;
      if (!name.startsWith(prefix)) continue;
      prefixed ??= plan.prefixed.map(() => ({}));
      setOwn(prefixed[i]!, name.slice(prefix.length), v);
    }
  }
  if (prefixed) {
    plan.prefixed.forEach(({ m }, i) => {
      if (Object.keys(prefixed[i]!).length) input[m.name] = prefixed[i];
    });
  }
  return input;
}

function headerValue(m: Member, v: string): unknown {
  if (m.shape.type !== 'list') return textScalar(m.shape, v, m.name, m);
  const item = m.shape.member!;
  return v === '' ? [] : splitHeaderList(v, item.shape, item).map((s) => textScalar(item.shape, s, m.name, item));
}

function readQueryMember(m: Member, query: [string, string][], input: Record<string, unknown>): void {
  if (m.shape.type === 'map') {
    const out: Record<string, unknown> = {};
    const listValued = m.shape.value!.shape.type === 'list';
    // A params map receives every query parameter, named ones included (Smithy's server rule).
    for (const [k, v] of query) {
      if (listValued) {
        if (!Object.hasOwn(out, k)) setOwn(out, k, []);
        (out[k] as string[]).push(v);
      } else if (!Object.hasOwn(out, k)) {
        setOwn(out, k, v);
      }
    }
    if (Object.keys(out).length) input[m.name] = out;
    return;
  }
  const values = queryValues(query, wireName(m));
  if (!values.length) return;
  if (m.shape.type === 'list') {
    const item = m.shape.member!;
    input[m.name] = values.map((v) => textScalar(item.shape, v, m.name, item));
  } else {
    input[m.name] = textScalar(m.shape, values[0]!, m.name, m);
  }
}

export function payloadMember(shape: Shape | undefined): Member | undefined {
  return shape?.payload ? shape.memberMap.get(shape.payload) : undefined;
}

/** Reads a REST request into the operation's input. */
export function parseRestInput(op: Operation, req: HttpRequest, codec: RestBodyCodec): Record<string, unknown> {
  const input = readBoundMembers(op, req);
  const shape = op.input;
  if (!shape) return input;
  const payload = payloadMember(shape);
  const body = req.body ?? Buffer.alloc(0);
  if (payload) {
    if (payload.shape.type === 'blob') {
      if (req.bodyStream) input[payload.name] = req.bodyStream;
      else if (body.length) input[payload.name] = body;
    } else if (payload.shape.type === 'string') {
      if (body.length) input[payload.name] = body.toString('utf8');
    } else if (body.length) {
      input[payload.name] = codec.readPayload(payload, body);
    }
  } else if (bindingPlan(shape).hasRequestBodyMembers && body.length) {
    Object.assign(input, codec.readMembers(shape, body, undefined));
  }
  return input;
}

/** Serializes an operation's output: status code, bound headers, and the payload or body document. */
export function serializeRestOutput(op: Operation, output: Record<string, unknown>, codec: RestBodyCodec): HttpResponse {
  const headers: Record<string, HeaderValue> = {};
  let statusCode = op.responseCode ?? 200;
  const shape = op.output;
  let body: string | Buffer | Readable | undefined;
  if (shape) {
    statusCode = writeBoundMembers(shape, output, headers) ?? statusCode;
    const payload = payloadMember(shape);
    if (payload) {
      const v = output[payload.name];
      if (payload.shape.eventstream) {
        body = eventStreamBody(payload.shape, (v ?? []) as Iterable<Record<string, unknown>>, codec.eventDocuments);
        headers['content-type'] = EVENT_STREAM_CONTENT_TYPE;
      } else if (payload.shape.type === 'blob') {
        if (v !== undefined && v !== null) {
          body = isReadable(v) ? v : toBuffer(v);
          headers['content-type'] ??= 'application/octet-stream';
        }
      } else if (payload.shape.type === 'string') {
        if (v !== undefined && v !== null) {
          body = String(v);
          headers['content-type'] ??= 'text/plain';
        }
      } else if (v !== undefined && v !== null) {
        body = codec.writePayload(payload, v);
        headers['content-type'] ??= codec.contentType;
      }
    } else if (bindingPlan(shape).hasResponseBodyMembers || codec.alwaysWritesBody) {
      body = codec.writeMembers(shape, output, shape.locationName ?? shape.name);
      headers['content-type'] ??= codec.contentType;
    }
  } else if (codec.alwaysWritesBody) {
    body = '{}';
    headers['content-type'] ??= codec.contentType;
  }
  return { statusCode, headers, body };
}

/** Writes header-bound members into `headers`; returns the status code member's value, if set. */
export function writeBoundMembers(shape: Shape, value: Record<string, unknown>, headers: Record<string, HeaderValue>): number | undefined {
  const plan = bindingPlan(shape);
  for (const { m, name } of plan.headers) {
    const v = value[m.name];
    if (v === undefined || v === null) continue;
    if (m.shape.type === 'list') {
      const item = m.shape.member!;
      headers[name] = (v as unknown[])
        .map((e) => headerText(item.shape, e, item))
        .map((s) => (item.shape.type === 'string' ? quoteListItem(s) : s))
        .join(', ');
    } else {
      headers[name] = headerText(m.shape, v, m);
    }
  }
  for (const { m, prefix } of plan.prefixed) {
    const v = value[m.name];
    if (v === undefined || v === null) continue;
    for (const [k, e] of Object.entries(v as Record<string, unknown>)) headers[(prefix + k).toLowerCase()] = String(e);
  }
  const status = plan.statusCode && value[plan.statusCode.name];
  return status === undefined || status === null ? undefined : Number(status);
}

export function isReadable(v: unknown): v is Readable {
  return typeof v === 'object' && v !== null && typeof (v as Readable).pipe === 'function';
}

/** The parts of a REST protocol that only differ by its body codec (JSON or XML). */
export function restSides(codec: RestBodyCodec): Pick<WireProtocol, 'needsBodyToRoute' | 'matches' | 'resolveOperation' | 'streamsInput' | 'parseInput' | 'serializeOutput'> {
  return {
    needsBodyToRoute: false,
    matches: () => true,
    resolveOperation: resolveRestOperation,
    streamsInput(op) {
      const p = payloadMember(op.input);
      return !!p && p.shape.type === 'blob' && p.streaming;
    },
    parseInput: (op, req) => parseRestInput(op, req, codec),
    serializeOutput: (op, output) => serializeRestOutput(op, output, codec),
  };
}
