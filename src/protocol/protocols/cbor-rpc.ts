/**
 * Smithy RPC v2 CBOR (CloudWatch's default in current SDKs): `POST /service/<Service>/operation/<Op>`
 * with `smithy-protocol: rpc-v2-cbor` and CBOR bodies; timestamps are tag-1 epoch seconds, blobs
 * are byte strings. Errors are a CBOR map with `__type`.
 */
import { Token, Type, decode, encode } from 'cborg';
import { ServiceError } from '../../shared/errors.js';
import { readDocument, writeDocument, type DocumentFlavor } from '../codecs/document.js';
import { MalformedRequestError } from '../codecs/malformed.js';
import { documentError, errorStatus, serializationException } from './errors.js';
import { headerValue, type WireProtocol } from './types.js';

/** CBOR with timestamps as tag 1 (epoch seconds), both ways. */
const typeEncoders = { Date: (d: Date) => [new Token(Type.tag, 1), new Token(Type.float, d.getTime() / 1000)] };
const tags = { 1: (inner: () => unknown) => new Date(Number(inner()) * 1000) };

function cbor() {
  return {
    encode: (v: unknown) => Buffer.from(encode(v, { typeEncoders })),
    decode: (b: Uint8Array) => decode(b, { tags: tags as never }),
  };
}

const cborFlavor: DocumentFlavor = {
  readTimestamp(v) {
    if (v instanceof Date) return v;
    if (typeof v === 'number') return new Date(Math.round(v * 1000));
    return undefined;
  },
  writeTimestamp(d) {
    return d;
  },
  readBlob(v) {
    return v instanceof Uint8Array ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : undefined;
  },
  writeBlob(b) {
    return b;
  },
  specialFloatsAsStrings: false,
};

const PATH = /^\/service\/([^/]+)\/operation\/([^/]+)$/;
const HEADERS = { 'smithy-protocol': 'rpc-v2-cbor', 'content-type': 'application/cbor' };

function decodeBody(body: Buffer | undefined): Record<string, unknown> {
  if (!body || body.length === 0) return {};
  let doc: unknown;
  try {
    doc = cbor().decode(body);
  } catch {
    throw new MalformedRequestError('Could not decode the request body as CBOR', 'body');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new MalformedRequestError('The request body is not a CBOR map', 'body');
  }
  return doc as Record<string, unknown>;
}

export const cborRpcProtocol: WireProtocol = {
  name: 'smithy-rpc-v2-cbor',
  needsBodyToRoute: false,
  matches(req) {
    return headerValue(req, 'smithy-protocol') === 'rpc-v2-cbor' || PATH.test(req.path);
  },
  resolveOperation(model, req) {
    const m = PATH.exec(req.path);
    if (!m) return undefined;
    const name = decodeURIComponent(m[2]!);
    const op = model.operations.get(name);
    if (!op) throw new ServiceError('UnknownOperationException', `Operation ${name} is not supported by this service.`);
    return op;
  },
  streamsInput() {
    return false;
  },
  parseInput(op, req) {
    const doc = decodeBody(req.body);
    if (!op.input) return {};
    return readDocument(op.input, doc, cborFlavor) as Record<string, unknown>;
  },
  malformed: serializationException,
  serializeOutput(op, output) {
    const doc = op.output ? writeDocument(op.output, output, cborFlavor) : {};
    return { statusCode: 200, headers: { ...HEADERS }, body: cbor().encode(doc) };
  },
  serializeError(model, _op, err) {
    const { shape, doc, headers } = documentError(model, err, cborFlavor);
    return { statusCode: errorStatus(shape, err, false), headers: { ...HEADERS, ...headers }, body: cbor().encode(doc) };
  },

};
