/**
 * BatchWriteItem's and BatchGetItem's own limits and messages (the model checks each table's
 * list: 1–25 write requests, 1–100 keys). Pure.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html
 *
 * Verified: "Too many items requested for the BatchWriteItem call" (more than 25 requests over
 * all tables), "Too many items requested for the BatchGetItem call" (more than 100 keys),
 * "Provided list of item keys contains duplicates". Best knowledge (dynalite's record of
 * DynamoDB): a WriteRequest with neither PutRequest nor DeleteRequest is answered "Supplied
 * AttributeValue has more than one datatypes set, must contain exactly one of the supported
 * datatypes"; Nimbus gives the same answer for one with both.
 */
import { validationError } from './errors.js';
import type { ServiceError } from '../../../shared/errors.js';

export const MAX_BATCH_WRITE_REQUESTS = 25;
export const MAX_BATCH_GET_KEYS = 100;
/** BatchGetItem returns at most 16 MB; keys past it come back as UnprocessedKeys. */
export const BATCH_GET_RESPONSE_BYTES = 16 * 1024 * 1024;

export function tooManyItems(operation: 'BatchWriteItem' | 'BatchGetItem'): ServiceError {
  return validationError(`Too many items requested for the ${operation} call`);
}

export function duplicateKeys(): ServiceError {
  return validationError('Provided list of item keys contains duplicates');
}

export function malformedWriteRequest(): ServiceError {
  return validationError('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
}
