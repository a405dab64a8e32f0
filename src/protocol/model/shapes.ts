/**
 * The compiled view of an AWS API model: shapes linked to each other, member traits merged over
 * their target shape's traits (as botocore resolves a shape reference), and per-operation
 * lookups precomputed once. Protocol codecs walk these objects; nothing here knows a protocol.
 */
import type { RawMetadata, RawModel, RawOperation, RawShape, RawShapeRef } from './raw.js';

export type ShapeType =
  | 'structure' | 'list' | 'map'
  | 'string' | 'character' | 'boolean' | 'byte' | 'short' | 'integer' | 'long'
  | 'float' | 'double' | 'bigdecimal' | 'biginteger' | 'timestamp' | 'blob';

export interface XmlNamespace { prefix?: string; uri: string }

export interface Shape {
  readonly name: string;
  readonly type: ShapeType;
  /** Structure members in model order; empty for other types. */
  readonly members: Member[];
  readonly memberMap: Map<string, Member>;
  readonly payload?: string;
  /** List element / map key and value. */
  member?: Member;
  key?: Member;
  value?: Member;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly timestampFormat?: string;
  readonly streaming: boolean;
  readonly sensitive: boolean;
  readonly flattened: boolean;
  readonly locationName?: string;
  readonly xmlNamespace?: XmlNamespace;
  readonly exception: boolean;
  readonly error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  readonly document: boolean;
  readonly union: boolean;
  readonly event: boolean;
  readonly eventstream: boolean;
  readonly raw: RawShape;
}

export interface Member {
  /** The member name handlers see, spelled as in the model. */
  readonly name: string;
  readonly shape: Shape;
  readonly required: boolean;
  readonly location?: 'header' | 'headers' | 'uri' | 'querystring' | 'statusCode';
  /** The wire name (XML element, JSON key, header, label, query key), when it differs from `name`. */
  readonly locationName?: string;
  readonly queryName?: string;
  readonly xmlNamespace?: XmlNamespace;
  readonly xmlAttribute: boolean;
  readonly flattened: boolean;
  readonly jsonvalue: boolean;
  readonly idempotencyToken: boolean;
  readonly timestampFormat?: string;
  readonly hostLabel: boolean;
  readonly eventpayload: boolean;
  readonly eventheader: boolean;
  readonly streaming: boolean;
}

export interface Operation {
  readonly name: string;
  readonly service: ServiceModel;
  readonly method: string;
  readonly requestUri: string;
  readonly responseCode?: number;
  readonly input?: Shape;
  /** Wire name and namespace of the input document (rest-xml root element). */
  readonly inputLocationName?: string;
  readonly inputXmlNamespace?: XmlNamespace;
  readonly output?: Shape;
  readonly resultWrapper?: string;
  readonly errors: Shape[];
  readonly hostPrefix?: string;
  readonly httpChecksumRequired: boolean;
  readonly httpChecksum?: RawOperation['httpChecksum'];
  readonly requestCompression: readonly string[];
  readonly authType?: string;
  readonly raw: RawOperation;
  /** Per-protocol compiled data (routes, serializer plans), filled lazily by each protocol. */
  readonly cache: Map<string, unknown>;
}

export interface ServiceModel {
  /** Vendored folder name, e.g. `ssm`. */
  readonly id: string;
  readonly metadata: RawMetadata;
  readonly protocols: readonly string[];
  readonly operations: Map<string, Operation>;
  readonly shapes: Map<string, Shape>;
  /** Exception shapes by shape name and by `error.code` (awsQueryError). */
  readonly errorShapes: Map<string, Shape>;
  readonly cache: Map<string, unknown>;
}

function xmlNs(v: RawShapeRef['xmlNamespace']): XmlNamespace | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? { uri: v } : v;
}

function makeShape(name: string, raw: RawShape): Shape {
  return {
    name,
    type: raw.type as ShapeType,
    members: [],
    memberMap: new Map(),
    payload: raw.payload,
    min: raw.min,
    max: raw.max,
    pattern: raw.pattern,
    enum: raw.enum,
    timestampFormat: raw.timestampFormat,
    streaming: raw.streaming === true,
    sensitive: raw.sensitive === true,
    flattened: raw.flattened === true,
    locationName: raw.locationName,
    xmlNamespace: xmlNs(raw.xmlNamespace),
    exception: raw.exception === true,
    error: raw.error,
    document: raw.document === true,
    union: raw.union === true,
    event: raw.event === true,
    eventstream: raw.eventstream === true,
    raw,
  };
}

function makeMember(name: string, ref: RawShapeRef, shapes: Map<string, Shape>, required: boolean, where: string): Member {
  const shape = shapes.get(ref.shape);
  if (!shape) throw new Error(`model: ${where} refers to unknown shape ${ref.shape}`);
  const raw = shape.raw;
  // A reference's traits override the target shape's, exactly as botocore merges them.
  return {
    name,
    shape,
    required,
    location: ref.location ?? raw.location,
    // A structure's own locationName names it only as a document root (Smithy's xmlName), never
    // a member that targets it; on other shapes older models use it as the member's wire name.
    locationName: ref.locationName ?? ref.LocationName ?? (shape.type === 'structure' ? undefined : raw.locationName),
    queryName: ref.queryName,
    // Likewise a structure's own xmlNamespace applies only where it is a document root.
    xmlNamespace: xmlNs(ref.xmlNamespace) ?? (shape.type === 'structure' ? undefined : shape.xmlNamespace),
    xmlAttribute: ref.xmlAttribute === true,
    flattened: ref.flattened ?? shape.flattened,
    jsonvalue: ref.jsonvalue === true,
    idempotencyToken: ref.idempotencyToken === true,
    timestampFormat: ref.timestampFormat ?? shape.timestampFormat,
    hostLabel: ref.hostLabel === true,
    eventpayload: ref.eventpayload === true,
    eventheader: ref.eventheader === true,
    streaming: ref.streaming === true || shape.streaming,
  };
}

export function compileModel(id: string, raw: RawModel): ServiceModel {
  const shapes = new Map<string, Shape>();
  for (const [name, s] of Object.entries(raw.shapes)) shapes.set(name, makeShape(name, s));
  for (const shape of shapes.values()) {
    const r = shape.raw;
    if (r.type === 'structure') {
      const required = new Set(r.required ?? []);
      for (const [mname, ref] of Object.entries(r.members ?? {})) {
        const m = makeMember(mname, ref, shapes, required.has(mname), `${shape.name}.${mname}`);
        shape.members.push(m);
        shape.memberMap.set(mname, m);
      }
    } else if (r.type === 'list' && r.member) {
      shape.member = makeMember('member', r.member, shapes, false, `${shape.name}.member`);
    } else if (r.type === 'map' && r.key && r.value) {
      shape.key = makeMember('key', r.key, shapes, false, `${shape.name}.key`);
      shape.value = makeMember('value', r.value, shapes, false, `${shape.name}.value`);
    }
  }
  const errorShapes = new Map<string, Shape>();
  for (const s of shapes.values()) {
    if (!s.exception) continue;
    errorShapes.set(s.name, s);
    if (s.error?.code && !errorShapes.has(s.error.code)) errorShapes.set(s.error.code, s);
  }
  const metadata = raw.metadata;
  const service: ServiceModel = {
    id,
    metadata,
    protocols: metadata.protocols?.length ? metadata.protocols : [metadata.protocol],
    operations: new Map(),
    shapes,
    errorShapes,
    cache: new Map(),
  };
  for (const [name, op] of Object.entries(raw.operations)) {
    const lookup = (ref: (RawShapeRef & { payload?: string }) | undefined): Shape | undefined => {
      if (!ref) return undefined;
      const s = shapes.get(ref.shape);
      if (!s) throw new Error(`model: operation ${name} refers to unknown shape ${ref.shape}`);
      // Older hand-written models name the payload on the operation's reference, not the shape.
      if (ref.payload && !s.payload) return { ...s, payload: ref.payload };
      return s;
    };
    const output = lookup(op.output);
    service.operations.set(name, {
      name,
      service,
      method: op.http?.method ?? 'POST',
      requestUri: op.http?.requestUri ?? '/',
      responseCode: op.http?.responseCode,
      input: lookup(op.input),
      inputLocationName: op.input?.locationName,
      inputXmlNamespace: xmlNs(op.input?.xmlNamespace),
      output,
      resultWrapper: op.output?.resultWrapper ?? output?.raw.resultWrapper,
      errors: (op.errors ?? []).map((e) => lookup(e)!),
      hostPrefix: op.endpoint?.hostPrefix,
      httpChecksumRequired: op.httpChecksumRequired === true || op.httpChecksum?.requestChecksumRequired === true,
      httpChecksum: op.httpChecksum,
      requestCompression: op.requestcompression?.encodings ?? [],
      authType: op.authtype,
      raw: op,
      cache: new Map(),
    });
  }
  return service;
}

/** The name a member has on the wire: its `locationName` or else its model name. */
export function wireName(m: Member): string {
  return m.locationName ?? m.name;
}

/** Whether a member travels outside the request body (label, query parameter, header). */
export function boundInRequest(m: Member): boolean {
  return m.location === 'uri' || m.location === 'querystring' || m.location === 'header' || m.location === 'headers';
}

/**
 * Whether a member travels outside the response body (header or status code). Label and query
 * bindings mean nothing in a response, so such members are written in the body (Smithy's rule).
 */
export function boundInResponse(m: Member): boolean {
  return m.location === 'header' || m.location === 'headers' || m.location === 'statusCode';
}
