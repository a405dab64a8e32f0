/**
 * The errors S3 answers about what an upload declares of its body. Most of this wording is not in
 * AWS's error table (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html); it is
 * what S3 itself answers, as recorded by S3-compatible servers' test suites that run against AWS.
 */
import { ServiceError } from '../../../../shared/errors.js';
import { S3Errors } from '../errors.js';

/** Every algorithm name S3 knows, in the order its message lists them (Nimbus computes five of them). */
const VALID_TYPES = '[CRC32, CRC32C, CRC64NVME, MD5, SHA1, SHA256, SHA512, XXHASH128, XXHASH3, XXHASH64]';

export const IntegrityErrors = {
  /**
   * A Content-MD5 that is not the base64 of 16 bytes. The error table says "is not valid", but S3
   * answers "was invalid" (and names the value in a Content-MD5 element).
   */
  invalidDigest: (contentMd5: string) =>
    new ServiceError('InvalidDigest', 'The Content-MD5 you specified was invalid.', { statusCode: 400, fields: { 'Content-MD5': contentMd5 } }),
  /** S3 reflects the client's Content-MD5 as hex and its own as base64. */
  md5Mismatch: (expectedHex: string, calculatedBase64: string) => S3Errors.badDigest(expectedHex, calculatedBase64),
  /** "The CRC32 you specified did not match the calculated checksum." */
  checksumMismatch: (algorithm: string) => S3Errors.checksumMismatch(algorithm),
  /** A checksum value that is not the canonical base64 of a digest of the algorithm's size. */
  invalidChecksumValue: (header: string, trailing: boolean) =>
    S3Errors.invalidRequest(`Value for ${header} ${trailing ? 'trailing header' : 'header'} is invalid.`),
  /** More than one checksum value; S3 drops the second sentence when one of them is a trailer. */
  multipleChecksums: (oneIsTrailer: boolean) =>
    S3Errors.invalidRequest(oneIsTrailer ? 'Expecting a single x-amz-checksum- header' : 'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.'),
  unsupportedAlgorithm: () =>
    S3Errors.invalidRequest(`Checksum algorithm provided is unsupported. Please try again with any of the valid types: ${VALID_TYPES}`),
  algorithmWithoutChecksum: () =>
    S3Errors.invalidRequest('x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.'),
  /** x-amz-sdk-checksum-algorithm names another algorithm than the checksum that was sent. */
  algorithmMismatch: () => S3Errors.invalidRequest('Value for x-amz-sdk-checksum-algorithm header is invalid.'),
  /** x-amz-trailer names something other than one checksum. */
  unsupportedTrailer: () => S3Errors.invalidRequest('The value specified in the x-amz-trailer header is not supported'),
  /** A trailer announced in x-amz-trailer that never came. */
  malformedTrailer: () =>
    new ServiceError('MalformedTrailerError', 'The request contained trailing data that was not well-formed or did not conform to our published schema.', {
      statusCode: 400,
    }),
  incompleteBody: (expected: number, provided: number) =>
    new ServiceError('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header', {
      statusCode: 400,
      fields: { NumberBytesExpected: expected, NumberBytesProvided: provided },
    }),
  /**
   * An operation that requires an integrity header (DeleteObjects, PutBucketTagging …) sent none.
   * Operations that accept flexible checksums name both (as S3 answers DeleteObjects and
   * PutObjectLockConfiguration since 2025: https://github.com/versity/versitygw/issues/1040,
   * https://github.com/versity/versitygw/issues/1301); Content-MD5-only operations name one.
   */
  missingIntegrityHeader: (flexible: boolean) =>
    S3Errors.invalidRequest(`Missing required header for this request: ${flexible ? 'Content-MD5 OR x-amz-checksum-*' : 'Content-MD5'}`),
  /** A checksum AWS has and Nimbus does not compute yet (SHA512, MD5, XXHASH…): refused, never ignored. */
  notImplemented: (header: string) => S3Errors.notImplementedHeader(header),
};
