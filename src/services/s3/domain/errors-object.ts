/**
 * Errors of the object subresources (tags, ACLs, Object Lock, attributes, restore) that
 * domain/errors.ts and domain/errors-core.ts do not define, with AWS's codes, statuses and
 * messages. Where AWS documents no message, the text is the one AWS answers as quoted in public
 * bug reports and SDK test suites; the README's "Object tags, ACLs, Object Lock, attributes,
 * lifecycle" section lists the ones that are a best guess.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
 */
import { ServiceError } from '../../../shared/errors.js';

function s3Error(code: string, message: string, statusCode: number, fields?: Record<string, unknown>): ServiceError {
  return new ServiceError(code, message, { statusCode, fields });
}

export const ObjectErrors = {
  /** GetObjectRetention / GetObjectLegalHold on a version that has none. */
  noSuchObjectLockConfiguration: () => s3Error('NoSuchObjectLockConfiguration', 'The specified object does not have a ObjectLock configuration', 404),
  /** PutObjectRetention's body (the header form, on PutObject, is CoreErrors.retainUntilInPast). */
  retainUntilInPast: () => s3Error('InvalidArgument', 'The retain until date must be in the future!', 400),
  /** An x-amz-object-attributes value that is not one of ETag, Checksum, ObjectParts, StorageClass, ObjectSize (or none at all). */
  invalidAttributeName: (value: string | undefined) =>
    s3Error('InvalidArgument', 'Invalid attribute name specified.', 400, { ArgumentName: 'x-amz-object-attributes', ArgumentValue: value }),
  invalidMaxParts: (value: number) =>
    s3Error('InvalidArgument', 'Argument max-parts must be an integer between 0 and 2147483647', 400, { ArgumentName: 'x-amz-max-parts', ArgumentValue: String(value) }),
  invalidPartNumberMarker: (value: number) =>
    s3Error('InvalidArgument', 'Argument part-number-marker must be an integer between 0 and 2147483647', 400, {
      ArgumentName: 'x-amz-part-number-marker',
      ArgumentValue: String(value),
    }),
  /** RestoreObject on an object that is not archived (not GLACIER or DEEP_ARCHIVE). */
  restoreNotAllowed: () => s3Error('InvalidObjectState', "Restore is not allowed for the object's current storage class", 403),
  restoreAlreadyInProgress: () => s3Error('RestoreAlreadyInProgress', 'Object restore is already in progress', 409),
  invalidRestoreDays: (days: number) => s3Error('InvalidArgument', 'Days must be a positive integer', 400, { ArgumentName: 'Days', ArgumentValue: String(days) }),
  /** SELECT restore requests (S3 Select on archives, which AWS closed to new customers in 2024). */
  selectRestoreNotImplemented: () => s3Error('NotImplemented', 'A header you provided implies functionality that is not implemented', 501),
};
