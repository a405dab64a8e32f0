/**
 * S3's errors for browser requests (form uploads, CORS preflights), with AWS's codes, statuses,
 * messages and extra elements. The form-upload ones are as S3 answers them on the wire, which
 * differs in places from the documented error table (MaxPostPreDataLengthExceeded, InvalidArgument
 * for a missing field or file); README.md lists the ones that are a best guess.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
 */
import { ServiceError } from '../../../shared/errors.js';

function s3Error(code: string, message: string, statusCode: number, fields?: Record<string, unknown>): ServiceError {
  return new ServiceError(code, message, { statusCode, fields });
}

/** The most bytes of fields S3 reads before the file (names and values). */
export const MAX_POST_PRE_DATA_BYTES = 20_480;

export const BrowserErrors = {
  /** A POST to a bucket that is not multipart/form-data. */
  notMultipart: () =>
    s3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, {
      Condition: 'Bucket POST must be of the enclosure-type multipart/form-data',
    }),
  malformedPost: () => s3Error('MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.', 400),
  // S3's spelling ("preceeding", "was") as it answers.
  preDataTooLarge: () =>
    s3Error('MaxPostPreDataLengthExceeded', 'Your POST request fields preceeding the upload file was too large.', 400, {
      MaxPostPreDataLengthBytes: MAX_POST_PRE_DATA_BYTES,
    }),
  /** A required field absent before the file (fields after it are ignored). Two spaces, as S3 writes it. */
  missingField: (name: string) =>
    s3Error('InvalidArgument', `Bucket POST must contain a field named '${name}'.  If it is specified, please check the order of the fields.`, 400, {
      ArgumentName: name,
      ArgumentValue: '',
    }),
  fileCount: (count: number) => s3Error('InvalidArgument', 'POST requires exactly one file upload per request.', 400, { ArgumentName: 'file', ArgumentValue: count }),
  entityTooSmall: (size: number, min: number) =>
    s3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', 400, { ProposedSize: size, MinSizeAllowed: min }),
  entityTooLarge: (size: number, max: number) =>
    s3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, { ProposedSize: size, MaxSizeAllowed: max }),
  unsupportedAlgorithm: (algorithm: string) =>
    s3Error('InvalidArgument', 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"', 400, { ArgumentName: 'X-Amz-Algorithm', ArgumentValue: algorithm }),
  malformedCredential: (credential: string) =>
    s3Error('InvalidArgument', 'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".', 400, {
      ArgumentName: 'X-Amz-Credential',
      ArgumentValue: credential,
    }),
  emptyAccessKey: (credential: string) =>
    s3Error('InvalidArgument', 'a non-empty Access Key (AKID) must be provided in the credential.', 400, { ArgumentName: 'X-Amz-Credential', ArgumentValue: credential }),
  wrongRegion: (credential: string, got: string, expected: string) =>
    s3Error('InvalidArgument', `the region '${got}' is wrong; expecting '${expected}'`, 400, {
      ArgumentName: 'X-Amz-Credential',
      ArgumentValue: credential,
      Region: expected,
    }),
  // S3's spelling ("formated").
  invalidDate: (value: string) => s3Error('InvalidArgument', 'X-Amz-Date must be formated via ISO8601 Long format', 400, { ArgumentName: 'X-Amz-Date', ArgumentValue: value }),
  /** A preflight without Origin. */
  missingOrigin: () => s3Error('BadRequest', 'Insufficient information. Origin request header needed.', 400),
  /** A preflight without (or with an unknown) Access-Control-Request-Method. */
  invalidPreflightMethod: (method: string | undefined) => s3Error('BadRequest', `Invalid Access-Control-Request-Method: ${method ?? 'null'}`, 400),
};
