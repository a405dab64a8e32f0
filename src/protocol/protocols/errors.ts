/** Helpers every protocol's error serializer shares. */
import { ServiceError } from '../../shared/errors.js';
import type { MalformedRequestError } from '../codecs/malformed.js';
import type { Member, ServiceModel, Shape } from '../model/shapes.js';
import { writeDocument, type DocumentFlavor } from '../codecs/document.js';

/** The model's shape for this error, if the service models it. */
export function errorShapeFor(model: ServiceModel, err: ServiceError): Shape | undefined {
  return model.errorShapes.get(err.code);
}

/** The member that holds the error message (`message` or `Message`), if the shape models one. */
export function messageMember(shape: Shape | undefined): Member | undefined {
  return shape?.members.find((m) => m.name.toLowerCase() === 'message');
}

/**
 * The code clients see: a query-compatible service's JSON answer carries the shape name in
 * `__type` and the query-era code (`error.code`) in `x-amzn-query-error`.
 */
export function queryErrorCode(shape: Shape | undefined, err: ServiceError): string {
  return shape?.error?.code ?? err.code;
}

/**
 * The HTTP status of an error. A status the thrower set explicitly wins; otherwise the model's:
 * `httpStatusCode` (Smithy's @httpError, or awsQueryError's status, which only the query protocol
 * uses: JSON and CBOR answers of query-compatible services stay 400), else 500 for server faults.
 */
export function errorStatus(shape: Shape | undefined, err: ServiceError, queryProtocol: boolean): number {
  if (err.explicitStatus !== undefined) return err.explicitStatus;
  const e = shape?.error;
  if (e?.httpStatusCode !== undefined && (queryProtocol || e.code === undefined)) return e.httpStatusCode;
  if (shape?.raw.fault === true || e?.senderFault === false) return 500;
  return err.statusCode;
}

/** The value of a modeled member of the error, from its fields (case-insensitively for Message). */
export function errorFieldValues(shape: Shape | undefined, err: ServiceError): Record<string, unknown> {
  const values: Record<string, unknown> = { ...err.fields };
  const msg = messageMember(shape);
  if (msg && err.message) values[msg.name] = err.message;
  return values;
}

/** JSON and CBOR services: anything unreadable is a SerializationException. */
export function serializationException(e: MalformedRequestError): ServiceError {
  return new ServiceError('SerializationException', e.message);
}

/** Query and EC2 services: broken encoding is MalformedQueryString, an unreadable value InvalidParameterValue. */
export function queryMalformed(e: MalformedRequestError): ServiceError {
  return new ServiceError(e.kind === 'encoding' ? 'MalformedQueryString' : 'InvalidParameterValue', e.message);
}

/**
 * The body of a JSON or CBOR error: `__type`, the message (under the member the shape models, else
 * `message`) and the error's members; plus, for query-compatible services, the
 * `x-amzn-query-error: <code>;Sender|Receiver` header that carries the query-era code.
 */
export function documentError(model: ServiceModel, err: ServiceError, flavor: DocumentFlavor): { shape?: Shape; doc: Record<string, unknown>; headers: Record<string, string> } {
  const shape = errorShapeFor(model, err);
  const doc: Record<string, unknown> = shape ? (writeDocument(shape, errorFieldValues(shape, err), flavor) as Record<string, unknown>) : { ...err.fields };
  if (!messageMember(shape) && err.message) doc.message = err.message;
  const headers: Record<string, string> = { ...err.headers };
  if (model.metadata.awsQueryCompatible) headers['x-amzn-query-error'] = `${queryErrorCode(shape, err)};${err.senderFault ? 'Sender' : 'Receiver'}`;
  return { shape, doc: { __type: err.code, ...doc }, headers };
}
