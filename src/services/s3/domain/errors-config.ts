/**
 * Errors of S3's bucket configuration subresources that domain/errors.ts does not define, with
 * AWS's codes, statuses, messages and extra `<Error>` elements. Where a message is not documented
 * it is the text AWS answers (collected from responses quoted in public bug reports); the README's
 * "Bucket configuration" section lists the ones that are a best guess.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
 */
import { ServiceError } from '../../../shared/errors.js';

function s3Error(code: string, message: string, statusCode: number, fields?: Record<string, unknown>): ServiceError {
  return new ServiceError(code, message, { statusCode, fields });
}

export const ConfigErrors = {
  // --- tagging -----------------------------------------------------------------------------
  invalidTagKey: (key: string) => s3Error('InvalidTag', 'The TagKey you have provided is invalid', 400, { TagKey: key }),
  invalidTagValue: (key: string, value: string) => s3Error('InvalidTag', 'The TagValue you have provided is invalid', 400, { TagKey: key, TagValue: value }),
  duplicateTagKey: (key: string) => s3Error('InvalidTag', 'Cannot provide multiple Tags with the same key', 400, { TagKey: key }),
  /** `aws:` exactly: the prefix of tags AWS itself sets. */
  systemTag: () => s3Error('InvalidTag', 'System tags cannot be added/updated by requester', 400),
  /** `AWS:`, `Aws:` …: reserved whatever the case. */
  reservedTagPrefix: () =>
    s3Error('InvalidTag', 'Invalid Tag. Tags cannot start with "aws:"(case insensitive) unless they are System Tags that start with "aws:"(case sensitive)', 400),
  tooManyBucketTags: (limit: number) => s3Error('BadRequest', `Bucket tag count cannot be greater than ${limit}`, 400),

  // --- bucket policy -----------------------------------------------------------------------
  malformedPolicy: (message: string) => s3Error('MalformedPolicy', message, 400),

  // --- ACLs ----------------------------------------------------------------------------------
  aclNotSupported: () => s3Error('AccessControlListNotSupported', 'The bucket does not allow ACLs', 400),
  bucketAclWithObjectOwnership: () => s3Error('InvalidBucketAclWithObjectOwnership', "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting", 400),
  publicBucketAclWithBlockPublicAccess: () => s3Error('InvalidBucketAclWithBlockPublicAccessError', 'Bucket cannot have public ACLs set with BlockPublicAccess enabled', 400),
  cannedAndHeaderGrants: () => s3Error('InvalidRequest', 'Specifying both Canned ACLs and Header Grants is not allowed', 400),
  unexpectedContent: () => s3Error('UnexpectedContent', 'This request does not support content', 400),
  missingAclHeader: () => s3Error('MissingSecurityHeader', 'Your request was missing a required header', 400, { MissingHeaderName: 'x-amz-acl' }),
  malformedAcl: () =>
    s3Error('MalformedACLError', 'The XML you provided was not well-formed or did not validate against our published schema', 400),
  unresolvableEmail: (email: string) =>
    s3Error('UnresolvableGrantByEmailAddress', 'The e-mail address you provided does not match any account on record.', 400, { EmailAddress: email }),
  /** ObjectOwnership BucketOwnerEnforced asked of a bucket whose ACL grants someone besides the owner. */
  aclWithEnforcedOwnership: () =>
    s3Error('InvalidBucketAclWithObjectOwnership', "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting", 400),

  // --- state ---------------------------------------------------------------------------------
  invalidBucketState: (message: string) => s3Error('InvalidBucketState', message, 409),

  // --- logging -------------------------------------------------------------------------------
  invalidLoggingTarget: (message: string, target: string) => s3Error('InvalidTargetBucketForLogging', message, 400, { TargetBucket: target }),
  crossLocationLogging: (sourceRegion: string, targetRegion: string) =>
    s3Error('CrossLocationLoggingProhibitted', 'Cross S3 location logging not allowed. ', 403, {
      SourceBucketLocation: sourceRegion,
      TargetBucketLocation: targetRegion,
    }),

  // --- CORS, for whoever answers preflight requests (not used by the configuration handlers) --
  /** A preflight OPTIONS on a bucket without a CORS configuration. */
  corsNotEnabled: () => s3Error('AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.', 403),
  /** A preflight OPTIONS no rule matches (AWS's spelling, "evalution", kept). */
  corsNotAllowed: (method: string, resourceType: 'BUCKET' | 'OBJECT') =>
    s3Error(
      'AccessForbidden',
      "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
      403,
      { Method: method, ResourceType: resourceType },
    ),
};
