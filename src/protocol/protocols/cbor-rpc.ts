/**
 * Smithy RPC v2 CBOR (CloudWatch's default in current SDKs): `POST /service/<Service>/operation/<Op>`
 * with `smithy-protocol: rpc-v2-cbor` and CBOR bodies; timestamps are tag-1 epoch seconds, blobs
 * are byte strings. Errors are a CBOR map with `__type`.
 */
import { createRequire } from 'node:module';
import type { Encoder as CborEncoder } from 'cbor-x';
import { ServiceError } from '../../shared/errors.js';
import { readDocument, writeDocument, type DocumentFlavor } from '../codecs/document.js';
import { MalformedRequestError } from '../codecs/malformed.js';
import { documentError, errorStatus, serializationException } from './errors.js';
import { headerValue, type WireProtocol } from './types.js';

// Loaded on first use: only CloudWatch speaks CBOR, and the module costs ~30 ms at start-up.
let encoder: CborEncoder | undefined;
function cbor(): CborEncoder {
  if (!encoder) {
    const { Encoder } = createRequire(import.meta.url)('cbor-x') as { Encoder: typeof CborEncoder };
    encoder = new Encoder({ useRecords: false, tagUint8Array: false, mapsAsObjects: true });
  }
  return encoder;
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
    return { statusCode: 200, headers: { ...HEADERS }, body: Buffer.from(cbor().encode(doc)) };
  },
  serializeError(model, _op, err) {
    const { shape, doc, headers } = documentError(model, err, cborFlavor);
    return { statusCode: errorStatus(shape, err, false), headers: { ...HEADERS, ...headers }, body: Buffer.from(cbor().encode(doc)) };
  },

};
