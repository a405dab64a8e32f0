/**
 * awsJson1_0 and awsJson1_1: `POST /` with `X-Amz-Target: <targetPrefix>.<Operation>` and a JSON
 * body; errors as `{"__type": code, "message": …}`. Query-compatible services (SQS) add
 * `x-amzn-query-error: <code>;Sender|Receiver`.
 */
import { ServiceError } from '../../shared/errors.js';
import { jsonReader, jsonWriter } from '../codecs/compiled-json.js';
import { jsonFlavor, writeDocument } from '../codecs/document.js';
import { EVENT_STREAM_CONTENT_TYPE, eventStreamBody, eventStreamMember, type EventDocumentWriter } from '../codecs/event-stream.js';
import { MalformedRequestError } from '../codecs/malformed.js';
import type { Operation, ServiceModel } from '../model/shapes.js';
import { documentError, errorStatus, serializationException } from './errors.js';
import { headerValue, type HttpResponse, type WireProtocol } from './types.js';

function contentType(model: ServiceModel): string {
  return `application/x-amz-json-${model.metadata.jsonVersion ?? '1.0'}`;
}

export const jsonEventDocuments: EventDocumentWriter = {
  contentType: 'application/json',
  write(shape, value) {
    return JSON.stringify(writeDocument(shape, value, jsonFlavor));
  },
};

export function parseJsonBody(body: Buffer | undefined): Record<string, unknown> {
  if (!body || body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new MalformedRequestError('Could not parse request body into json: Unexpected character in payload', 'body');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MalformedRequestError('Start of structure or map expected in request body', 'body');
  }
  return parsed as Record<string, unknown>;
}

export const jsonRpcProtocol: WireProtocol = {
  name: 'json',
  needsBodyToRoute: false,

  matches(req) {
    return req.method === 'POST' && headerValue(req, 'x-amz-target') !== undefined;
  },

  resolveOperation(model, req) {
    const target = headerValue(req, 'x-amz-target');
    if (!target) return undefined;
    const dot = target.lastIndexOf('.');
    const prefix = target.slice(0, dot);
    if (prefix !== model.metadata.targetPrefix) return undefined;
    const name = target.slice(dot + 1);
    const op = model.operations.get(name);
    if (!op) throw new ServiceError('UnknownOperationException', `Operation ${name} is not supported by this service.`);
    return op;
  },

  streamsInput() {
    return false;
  },

  parseInput(op, req) {
    const doc = parseJsonBody(req.body);
    return op.input ? jsonReader(op.input)(doc) : {};
  },

  malformed: serializationException,

  serializeOutput(op: Operation, output: Record<string, unknown>): HttpResponse {
    const stream = eventStreamMember(op.output);
    if (stream) {
      // The other members travel first, as the stream's `initial-response` event.
      const rest = { ...output, [stream.name]: undefined };
      const initial = Buffer.from(JSON.stringify(writeDocument(op.output!, rest, jsonFlavor)));
      const events = (output[stream.name] ?? []) as Iterable<Record<string, unknown>>;
      return { statusCode: 200, headers: { 'content-type': EVENT_STREAM_CONTENT_TYPE }, body: eventStreamBody(stream.shape, events, jsonEventDocuments, initial) };
    }
    return { statusCode: 200, headers: { 'content-type': contentType(op.service) }, body: op.output ? jsonWriter(op.output)(output) : '{}' };
  },

  serializeError(model, _op, err) {
    const { shape, doc, headers } = documentError(model, err, jsonFlavor);
    return { statusCode: errorStatus(shape, err, false), headers: { 'content-type': contentType(model), ...headers }, body: JSON.stringify(doc) };
  },

};
