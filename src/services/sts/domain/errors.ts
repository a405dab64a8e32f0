/** STS's unmodeled errors, as AWS words them. */
import { ServiceError } from '../../../shared/errors.js';

export function accessDenied(message: string): ServiceError {
  return new ServiceError('AccessDenied', message, { statusCode: 403 });
}

export function validationError(message: string): ServiceError {
  return new ServiceError('ValidationError', message, { statusCode: 400 });
}

export function invalidParameterValue(message: string): ServiceError {
  return new ServiceError('InvalidParameterValue', message, { statusCode: 400 });
}
