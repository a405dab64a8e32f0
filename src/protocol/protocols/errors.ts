/** Helpers every protocol's error serializer shares. */
import type { ServiceError } from '../../shared/errors.js';
import type { Member, ServiceModel, Shape } from '../model/shapes.js';

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

/** The error's status: what the thrower set, else the model's `httpStatusCode`. */
export function errorStatus(shape: Shape | undefined, err: ServiceError, explicitStatus: boolean): number {
  if (explicitStatus) return err.statusCode;
  return shape?.error?.httpStatusCode ?? err.statusCode;
}

/** The value of a modeled member of the error, from its fields (case-insensitively for Message). */
export function errorFieldValues(shape: Shape | undefined, err: ServiceError): Record<string, unknown> {
  const values: Record<string, unknown> = { ...err.fields };
  const msg = messageMember(shape);
  if (msg) values[msg.name] = err.message;
  return values;
}
