/**
 * restJson1 (Lambda, API Gateway, …): HTTP bindings plus a JSON body. Errors carry their code in
 * `X-Amzn-Errortype` and a JSON body with the message and the error's members.
 */
import { jsonFlavor, readDocument, writeDocument } from '../codecs/document.js';
import { MalformedRequestError } from '../codecs/malformed.js';
import type { Member, Shape } from '../model/shapes.js';
import { boundInRequest, boundInResponse, wireName } from '../model/shapes.js';
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
    const doc = parseJsonBody(body);
    const out: Record<string, unknown> = {};
    for (const m of shape.members) {
      if (boundInRequest(m)) continue;
      const v = doc[wireName(m)];
      if (v === undefined || v === null) continue;
      out[m.name] = readDocument(m.shape, v, jsonFlavor, m.name, m);
    }
    return out;
  },
  writeMembers(shape, value) {
    return JSON.stringify(writeUnbound(shape, value));
  },
  readPayload(member: Member, body) {
    let doc: unknown;
    try {
      doc = JSON.parse(body.toString('utf8'));
    } catch {
      throw new MalformedRequestError('Could not parse request body into json: Unexpected character in payload', 'body');
    }
    return readDocument(member.shape, doc, jsonFlavor, member.name, member);
  },
  writePayload(member, value) {
    return JSON.stringify(writeDocument(member.shape, value, jsonFlavor, member));
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
