/**
 * S3 errors the bucket/object/listing/multipart handlers need beyond domain/errors.ts, with AWS's
 * codes, statuses and messages.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
 */
import { ServiceError } from '../../../shared/errors.js';

function s3Error(code: string, message: string, statusCode: number, fields?: Record<string, unknown>, headers?: Record<string, string>): ServiceError {
  return new ServiceError(code, message, { statusCode, fields, headers });
}

function invalidArgument(message: string, name: string, value: string | undefined): ServiceError {
  return s3Error('InvalidArgument', message, 400, { ArgumentName: name, ArgumentValue: value });
}

export const CoreErrors = {
  invalidStorageClass: (value: string) => s3Error('InvalidStorageClass', 'The storage class you specified is not valid', 400, { StorageClassRequested: value }),
  /** 304 for GET/HEAD whose If-None-Match / If-Modified-Since says the client's copy is current. */
  notModified: (headers: Record<string, string>) => s3Error('NotModified', 'Not Modified', 304, undefined, headers),
  invalidPartNumber: (partNumber: number, partsCount: number) =>
    s3Error('InvalidPartNumber', 'The requested partnumber is not satisfiable', 416, { PartNumberRequested: partNumber, ActualPartCount: partsCount }),
  partNumberOutOfRange: (value: number | string) => invalidArgument('Part number must be an integer between 1 and 10000, inclusive', 'partNumber', String(value)),
  rangeWithPartNumber: () => s3Error('InvalidRequest', 'Cannot specify both Range header and partNumber query parameter', 400),
  invalidVersionId: (versionId: string) => invalidArgument('Invalid version id specified', 'versionId', versionId),
  versionIdMarkerWithoutKeyMarker: (marker: string) => invalidArgument('A version-id marker cannot be specified without a key marker.', 'version-id-marker', marker),
  invalidContinuationToken: (token: string) => invalidArgument('The continuation token provided is incorrect', 'continuation-token', token),
  invalidMaxKeys: (name: string, value: number) => invalidArgument(`Provided ${name} not an integer or within integer range`, name, String(value)),
  invalidEncodingType: (value: string) => invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', value),
  invalidMaxBuckets: (value: number) => invalidArgument('Provided max-buckets not an integer or within integer range', 'max-buckets', String(value)),
  invalidEncryption: (value: string) => invalidArgument('The encryption method specified is not supported', 'x-amz-server-side-encryption', value),
  /** x-amz-acl / x-amz-grant-* on a bucket whose ObjectOwnership is BucketOwnerEnforced. */
  aclNotSupported: () => s3Error('AccessControlListNotSupported', 'The bucket does not allow ACLs', 400),
  metadataTooLarge: (size: number, max: number) =>
    s3Error('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size', 400, { Size: size, MaxSizeAllowed: max }),
  badRequest: (message: string) => s3Error('BadRequest', message, 400),
  objectLockMissing: () => s3Error('InvalidRequest', 'Bucket is missing Object Lock Configuration', 400),
  objectLockHeadersPaired: () => invalidArgument('x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied', 'x-amz-object-lock-retain-until-date', undefined),
  retainUntilInPast: () => invalidArgument('The retain until date must be in the future!', 'x-amz-object-lock-retain-until-date', undefined),
  objectLocked: () => s3Error('AccessDenied', 'Access Denied because object protected by object lock.', 403),
  versioningLocked: () => s3Error('InvalidBucketState', 'An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.', 409),
  deleteMarkerNoSuchKey: (key: string, headers: Record<string, string>) =>
    s3Error('NoSuchKey', 'The specified key does not exist.', 404, { Key: key }, headers),
  deleteMarkerNotAllowed: (method: string, headers: Record<string, string>) =>
    s3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, { Method: method, ResourceType: 'DeleteMarker' }, { allow: 'DELETE', ...headers }),
  invalidCopySource: () => invalidArgument('Copy Source must mention the source bucket and key: sourcebucket/sourcekey', 'x-amz-copy-source', undefined),
  copyToItself: () =>
    s3Error(
      'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      400,
    ),
  copySourceTooLarge: (max: number) => s3Error('InvalidRequest', `The specified copy source is larger than the maximum allowable size for a copy source: ${max}`, 400),
  unknownDirective: (header: string, value: string) => invalidArgument(`Unknown ${header === 'x-amz-metadata-directive' ? 'metadata' : 'tagging'} directive.`, header, value),
  invalidCopySourceRange: (value: string) =>
    invalidArgument(
      'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy',
      'x-amz-copy-source-range',
      value,
    ),
  copyRangeOutOfBounds: (size: number) => s3Error('InvalidRequest', `Range specified is not valid for source object of size: ${size}`, 400),
  sseCustomerRequired: () =>
    s3Error('InvalidRequest', 'The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object.', 400),
  invalidPartNumberMarker: (value: string) => invalidArgument('Provided part-number-marker not an integer or within integer range', 'part-number-marker', value),
  invalidObjectLockHeader: (name: string, value: string) => invalidArgument(`Unknown ${name === 'x-amz-object-lock-mode' ? 'wormMode' : 'legal hold status'} directive.`, name, value),
  checksumTypeWithoutAlgorithm: () => s3Error('InvalidRequest', 'The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.', 400),
  checksumTypeNotAllowed: (type: string, algorithm: string) =>
    s3Error('InvalidRequest', `The ${type} checksum type cannot be used with the ${algorithm.toLowerCase()} checksum algorithm.`, 400),
  checksumTypeMismatch: (expected: string, actual: string) =>
    s3Error('InvalidRequest', `Checksum Type mismatch occurred, expected checksum Type: ${expected.toLowerCase()}, actual checksum Type: ${actual.toLowerCase()}`, 400),
  mpuObjectSizeMismatch: (given: number, actual: number) =>
    s3Error('InvalidRequest', `The provided 'x-amz-mp-object-size' header value "${given}" does not match what was computed: "${actual}"`, 400),
  archived: (storageClass: string) => s3Error('InvalidObjectState', "The operation is not valid for the object's storage class", 403, { StorageClass: storageClass }),
  ifNoneMatchOnlyStar: () => s3Error('NotImplemented', 'A header you provided implies functionality that is not implemented', 501, { Header: 'If-None-Match' }),
};
