/**
 * S3's errors, with AWS's codes, statuses, messages and the extra elements S3 puts in its
 * `<Error>` body (BucketName, Key, …). Most of S3's errors are not in the model, so they are
 * built here rather than from generated classes.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
 */
import { ServiceError } from '../../../shared/errors.js';

function s3Error(code: string, message: string, statusCode: number, fields?: Record<string, unknown>, headers?: Record<string, string>): ServiceError {
  return new ServiceError(code, message, { statusCode, fields, headers });
}

export const S3Errors = {
  accessDenied: (message = 'Access Denied') => s3Error('AccessDenied', message, 403),
  noSuchBucket: (bucket: string) => s3Error('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket }),
  noSuchKey: (key: string) => s3Error('NoSuchKey', 'The specified key does not exist.', 404, { Key: key }),
  noSuchVersion: (key: string, versionId: string) => s3Error('NoSuchVersion', 'The specified version does not exist.', 404, { Key: key, VersionId: versionId }),
  noSuchUpload: (uploadId: string) =>
    s3Error('NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.', 404, { UploadId: uploadId }),
  invalidBucketName: (bucket: string) => s3Error('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: bucket }),
  bucketAlreadyExists: (bucket: string) =>
    s3Error(
      'BucketAlreadyExists',
      'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
      409,
      { BucketName: bucket },
    ),
  bucketAlreadyOwnedByYou: (bucket: string) =>
    s3Error('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409, { BucketName: bucket }),
  bucketNotEmpty: (bucket: string) => s3Error('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, { BucketName: bucket }),
  invalidLocationConstraint: (constraint: string) =>
    s3Error('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400, { LocationConstraint: constraint }),
  illegalLocationConstraint: (constraint: string) =>
    s3Error(
      'IllegalLocationConstraintException',
      constraint
        ? `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`
        : 'The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.',
      400,
    ),
  malformedXml: () => s3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400),
  invalidArgument: (message: string, name?: string, value?: string) => s3Error('InvalidArgument', message, 400, name === undefined ? undefined : { ArgumentName: name, ArgumentValue: value }),
  invalidRequest: (message: string) => s3Error('InvalidRequest', message, 400),
  invalidRange: (range: string, size: number) =>
    s3Error('InvalidRange', 'The requested range is not satisfiable', 416, { RangeRequested: range, ActualObjectSize: size }, { 'content-range': `bytes */${size}` }),
  preconditionFailed: (condition: string) => s3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, { Condition: condition }),
  /** A conditional write lost a race with another write of the same key. */
  conditionalRequestConflict: () =>
    s3Error('ConditionalRequestConflict', 'A conflicting conditional action is currently in progress against this resource. Please try again.', 409),
  keyTooLong: (size: number) => s3Error('KeyTooLongError', 'Your key is too long', 400, { MaxSizeAllowed: 1024, Size: size }),
  entityTooSmall: (proposedSize: number, minSize: number, partNumber?: number, etag?: string) =>
    s3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.', 400, {
      ProposedSize: proposedSize,
      MinSizeAllowed: minSize,
      PartNumber: partNumber,
      ETag: etag,
    }),
  entityTooLarge: (proposedSize: number, maxSize: number) =>
    s3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, { ProposedSize: proposedSize, MaxSizeAllowed: maxSize }),
  invalidPart: (uploadId: string, partNumber: number, etag?: string) =>
    s3Error(
      'InvalidPart',
      "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
      400,
      { UploadId: uploadId, PartNumber: partNumber, ETag: etag },
    ),
  invalidPartOrder: (uploadId: string) =>
    s3Error('InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.', 400, { UploadId: uploadId }),
  badDigest: (expected: string, calculated: string) =>
    s3Error('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400, { ExpectedDigest: expected, CalculatedDigest: calculated }),
  invalidDigest: (contentMd5: string) => s3Error('InvalidDigest', 'The Content-MD5 you specified was invalid.', 400, { 'Content-MD5': contentMd5 }),
  /** A flexible checksum that does not match the body (`x-amz-checksum-*`). */
  checksumMismatch: (algorithm: string) => s3Error('BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`, 400),
  incompleteBody: () => s3Error('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header', 400),
  missingContentLength: () => s3Error('MissingContentLength', 'You must provide the Content-Length HTTP header.', 411),
  notImplementedHeader: (header: string) => s3Error('NotImplemented', 'A header you provided implies functionality that is not implemented', 501, { Header: header }),
  methodNotAllowed: (method: string, resourceType: string) =>
    s3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, { Method: method, ResourceType: resourceType }),
  invalidObjectState: (message = 'The operation is not valid for the object\'s storage class') => s3Error('InvalidObjectState', message, 403),
  /** A subresource that was never configured (GetBucketCors without a CORS configuration …). */
  notConfigured: (code: ConfigNotFoundCode, bucket: string) => s3Error(code, CONFIG_NOT_FOUND[code], 404, { BucketName: bucket }),
};

const CONFIG_NOT_FOUND = {
  NoSuchTagSet: 'The TagSet does not exist',
  NoSuchCORSConfiguration: 'The CORS configuration does not exist',
  NoSuchLifecycleConfiguration: 'The lifecycle configuration does not exist',
  NoSuchBucketPolicy: 'The bucket policy does not exist',
  NoSuchWebsiteConfiguration: 'The specified bucket does not have a website configuration',
  ServerSideEncryptionConfigurationNotFoundError: 'The server side encryption configuration was not found',
  NoSuchPublicAccessBlockConfiguration: 'The public access block configuration was not found',
  OwnershipControlsNotFoundError: 'The bucket ownership controls were not found',
  ObjectLockConfigurationNotFoundError: 'Object Lock configuration does not exist for this bucket',
  ReplicationConfigurationNotFoundError: 'The replication configuration was not found',
  NoSuchConfiguration: 'The specified configuration does not exist.',
} as const;

export type ConfigNotFoundCode = keyof typeof CONFIG_NOT_FOUND;
