/**
 * DynamoDB's common errors. ValidationException is not in the model (it is common to every AWS
 * JSON service); its messages are DynamoDB's own and callers match on them, so every message is
 * built by the caller verbatim.
 */
import { ServiceError } from '../../../shared/errors.js';

export function validationError(message: string): ServiceError {
  return new ServiceError('ValidationException', message, { statusCode: 400 });
}

/** "One or more parameter values were invalid: …" is DynamoDB's prefix for bad values in items and keys. */
export function invalidParameterValues(detail: string): ServiceError {
  return validationError(`One or more parameter values were invalid: ${detail}`);
}
