/**
 * restJson1 (Lambda, API Gateway, …): HTTP bindings plus a JSON body. Errors carry their code in
 * `X-Amzn-Errortype` and a JSON body with the message and the error's members.
 */
import { jsonFlavor, readDocument, writeDocument } from '../codecs/document.js';
import { MalformedRequestError } from '../codecs/malformed.js';
import { jsonReader, jsonWriter } from '../codecs/compiled-json.js';
import type { Member, Shape } from '../model/shapes.js';
import { boundInResponse, wireName } from '../model/shapes.js';
import { errorFieldValues, errorShapeFor, errorStatus, messageMember, serializationException } from './errors.js';
import { jsonEventDocuments, parseJsonBody } from './json-rpc.js';
import { restSides, writeBoundMembers, type RestBodyCodec } from './rest-bindings.js';
import type { HeaderValue, WireProtocol } from './types.js';

function writeUnbound(shape: Shape, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of shape.members) {
    if (boundInResponse(m)) continue;
    const v = value[m.name];
    if (v === undefined || v === null) continue;
    out[wireName(m)] = writeDocument(m.shape, v, jsonFlavor, m);
  }
  return out;
}

export const jsonBodyCodec: RestBodyCodec = {
  contentType: 'application/json',
  alwaysWritesBody: true,
  eventDocuments: jsonEventDocuments,
  readMembers(shape, body) {
    return jsonReader(shape, 'request-body')(parseJsonBody(body));
  },
  writeMembers(shape, value) {
    return text(jsonWriter(shape, 'response-body')(value));
  },
  readPayload(member: Member, body) {
    let doc: unknown;
    try {
      doc = JSON.parse(body.toString('utf8'));
    } catch {
      throw new MalformedRequestError('Could not parse request body into json: Unexpected character in payload', 'body');
    }
    return member.shape.type === 'structure' && !member.shape.document ? jsonReader(member.shape)(doc, member.name) : readDocument(member.shape, doc, jsonFlavor, member.name, member);
  },
  writePayload(member, value) {
    return member.shape.type === 'structure' && !member.shape.document
      ? text(jsonWriter(member.shape)(value as Record<string, unknown>))
      : JSON.stringify(writeDocument(member.shape, value, jsonFlavor, member));
  },
};

export const restJsonProtocol: WireProtocol = {
  name: 'rest-json',
  ...restSides(jsonBodyCodec),
  malformed: serializationException,
  serializeError(model, _op, err) {
    const shape = errorShapeFor(model, err);
    const headers: Record<string, HeaderValue> = { 'content-type': 'application/json', 'x-amzn-errortype': err.code, ...err.headers };
    let doc: Record<string, unknown>;
    if (shape) {
      const values = errorFieldValues(shape, err);
      writeBoundMembers(shape, values, headers);
      doc = writeUnbound(shape, values);
    } else {
      doc = { ...err.fields };
    }
    if (!messageMember(shape) && err.message) doc.message = err.message;
    // As AWS's restJson1 services do, the code travels in X-Amzn-Errortype only, not as `__type`.
    return { statusCode: errorStatus(shape, err, false), headers, body: JSON.stringify(doc) };
  },
};

/** REST bodies are text here; a pre-encoded part (DynamoDB's, not a REST service's) would come as bytes. */
function text(body: string | Buffer): string {
  return typeof body === 'string' ? body : body.toString('utf8');
}
