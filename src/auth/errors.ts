/**
 * The errors AWS answers when authentication fails, per service. Services fall into families by
 * the front end that checks signatures: S3 has its own codes and fields; "coral" services (query,
 * EC2, JSON, REST-JSON protocols) share wording but differ in codes and statuses. A small table of
 * family defaults plus per-service overrides keeps it data-driven.
 *
 * Sources (AWS's own wording, as their services answer it):
 * - S3 error codes: https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
 * - Common errors (InvalidClientTokenId, IncompleteSignature, ExpiredToken …):
 *   https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 * - EC2 (AuthFailure 401, RequestExpired): https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
 * - Signature troubleshooting (the "Canonical String … should have been" message):
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html
 * The skew windows are what services print in their `Signature expired: … (… - N min.)` messages:
 * STS and SQS say 15 min; Lambda, KMS, Kinesis, Secrets Manager, CloudFormation, EC2 and, lately,
 * DynamoDB say 5 min.
 */
import { ServiceError } from '../shared/errors.js';

export type AuthFamily = 's3' | 'query' | 'ec2' | 'json' | 'rest-json';

interface Spec {
  readonly code: string;
  readonly status: number;
}

interface FamilyRow {
  readonly maxSkewMs: number;
  readonly unknownKey: Spec;
  readonly invalidToken: Spec;
  readonly expiredToken: Spec;
  /** Signature mismatch, and (coral) expired signatures, scope problems and an unsigned Host. */
  readonly signature: Spec;
  readonly incomplete: Spec;
  /** Overrides `signature` for a stale or future X-Amz-Date (EC2 answers RequestExpired). */
  readonly skew?: Spec;
  /** awsQueryCompatible services answer query codes in every protocol, plus `x-amzn-query-error`. */
  readonly queryCompatible?: boolean;
}

const MIN = 60_000;
const spec = (code: string, status: number): Spec => ({ code, status });

const FAMILIES: Record<Exclude<AuthFamily, 's3'>, FamilyRow> = {
  query: {
    maxSkewMs: 15 * MIN,
    unknownKey: spec('InvalidClientTokenId', 403),
    invalidToken: spec('InvalidClientTokenId', 403),
    expiredToken: spec('ExpiredToken', 403),
    signature: spec('SignatureDoesNotMatch', 403),
    incomplete: spec('IncompleteSignature', 400),
  },
  ec2: {
    maxSkewMs: 5 * MIN,
    unknownKey: spec('AuthFailure', 401),
    invalidToken: spec('AuthFailure', 401),
    expiredToken: spec('RequestExpired', 400),
    signature: spec('AuthFailure', 401),
    incomplete: spec('IncompleteSignature', 400),
    skew: spec('RequestExpired', 400),
  },
  json: {
    maxSkewMs: 5 * MIN,
    unknownKey: spec('UnrecognizedClientException', 400),
    invalidToken: spec('UnrecognizedClientException', 400),
    expiredToken: spec('ExpiredTokenException', 400),
    signature: spec('InvalidSignatureException', 400),
    incomplete: spec('IncompleteSignatureException', 400),
  },
  'rest-json': {
    maxSkewMs: 5 * MIN,
    unknownKey: spec('UnrecognizedClientException', 403),
    invalidToken: spec('UnrecognizedClientException', 403),
    expiredToken: spec('ExpiredTokenException', 403),
    signature: spec('InvalidSignatureException', 403),
    incomplete: spec('IncompleteSignatureException', 403),
  },
};

/** Per-service differences from the family (keyed by catalog id). */
const SERVICES: Record<string, { readonly maxSkewMs?: number; readonly queryCompatible?: boolean }> = {
  sts: { maxSkewMs: 15 * MIN },
  sqs: { maxSkewMs: 15 * MIN, queryCompatible: true },
  cloudwatch: { queryCompatible: true },
  cloudformation: { maxSkewMs: 5 * MIN },
};

const S3_MAX_SKEW_MS = 15 * MIN;

export type ScopeProblem =
  | { readonly kind: 'date'; readonly scopeDate: string; readonly amzDate: string }
  | { readonly kind: 'service'; readonly got: string; readonly expected: string }
  | { readonly kind: 'region'; readonly got: string; readonly expected: string };

export interface SignatureMismatchDetail {
  readonly accessKeyId: string;
  readonly stringToSign: string;
  readonly signatureProvided: string;
  /** Absent for chunk and trailer signatures. */
  readonly canonicalRequest?: string;
  /** How the canonical request was hashed: node gives header bytes as latin1 strings. */
  readonly canonicalRequestEncoding?: BufferEncoding;
}

export interface SkewDetail {
  /** Epoch ms of the request's date, and the date as the client sent it. */
  readonly requestTime: number;
  readonly requestTimeText: string;
  readonly serverTime: number;
}

export interface PresignedExpiryDetail {
  /** X-Amz-Expires as sent. */
  readonly expires: string;
  readonly expiresAt: number;
  readonly serverTime: number;
}

export interface AuthErrors {
  readonly serviceId: string;
  readonly family: AuthFamily;
  /** Largest accepted difference between the request date and the server clock. */
  readonly maxSkewMs: number;
  unknownAccessKey(accessKeyId: string): ServiceError;
  invalidSessionToken(token: string | undefined): ServiceError;
  expiredToken(token: string | undefined): ServiceError;
  signatureMismatch(detail: SignatureMismatchDetail): ServiceError;
  requestTimeSkewed(detail: SkewDetail): ServiceError;
  presignedExpired(detail: PresignedExpiryDetail): ServiceError;
  /** Neither X-Amz-Date nor Date (header form). */
  missingDate(authorization: string): ServiceError;
  invalidDate(value: string, form: 'header' | 'query'): ServiceError;
  /** S3: `x-amz-*` headers (or host) outside SignedHeaders; others: only called for host. */
  headersNotSigned(names: readonly string[]): ServiceError;
  credentialScope(problems: readonly ScopeProblem[], form: 'header' | 'query'): ServiceError;
  /** A credential that is not `AKID/date/region/service/aws4_request` (or SigV4a's four parts). */
  malformedCredential(credential: string, form: 'header' | 'query'): ServiceError;
  /** S3 presigned: X-Amz-Expires missing, not a number, negative or over a week. */
  invalidExpires(problem: 'missing' | 'nan' | 'negative' | 'too-large'): ServiceError;
  /** X-Amz-Algorithm other than AWS4-HMAC-SHA256 and AWS4-ECDSA-P256-SHA256. */
  unsupportedAlgorithm(algorithm: string, form: 'header' | 'query'): ServiceError;
  /** SigV4a without X-Amz-Region-Set. */
  missingRegionSet(form: 'header' | 'query'): ServiceError;
  missingContentSha256(): ServiceError;
  invalidContentSha256(value: string): ServiceError;
  contentSha256Mismatch(clientHash: string, computedHash: string): ServiceError;
  /** With byte counts: decoded length differs from x-amz-decoded-content-length; without: the body ended early or is malformed. */
  incompleteBody(expected?: number, provided?: number): ServiceError;
  /** `chunk`: the 1-based number of the chunk that followed the short one. */
  invalidChunkSize(chunk: number, size: number): ServiceError;
  malformedTrailer(): ServiceError;
  missingContentLength(): ServiceError;
}

export function familyOf(serviceId: string, protocol: string): AuthFamily {
  if (serviceId === 's3') return 's3';
  switch (protocol) {
    case 'ec2':
      return 'ec2';
    case 'json':
    case 'smithy-rpc-v2-cbor':
      return 'json';
    case 'rest-json':
      return 'rest-json';
    default:
      return 'query'; // query, and REST-XML services other than S3 (Route 53, CloudFront …)
  }
}

const cache = new Map<string, AuthErrors>();

/** The authentication errors of one service (cached: one object per service and protocol). */
export function authErrors(serviceId: string, protocol: string): AuthErrors {
  const key = `${serviceId}\0${protocol}`;
  let errors = cache.get(key);
  if (!errors) {
    const family = familyOf(serviceId, protocol);
    errors = family === 's3' ? s3Errors(serviceId) : coralErrors(serviceId, family);
    cache.set(key, errors);
  }
  return errors;
}

// --- shared wording ------------------------------------------------------------------------

const TOKEN_INVALID = 'The security token included in the request is invalid.';
const TOKEN_EXPIRED = 'The security token included in the request is expired';
const CORAL_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const S3_MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';
const EC2_AUTH_FAILURE = 'AWS was not able to validate the provided access credentials';
const HOST_NOT_SIGNED = "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";
const S3_QUERY_PARAMS =
  'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.';
const S3_CONTENT_SHA256_VALUES =
  'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.';

/** `20150830T123600Z`, the form AWS prints dates in its signature messages. */
function compact(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
}

/** `2015-08-30T12:36:00Z`, the form S3 prints ServerTime and Expires in. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** S3's `…Bytes` fields: each byte as two hex digits, separated by spaces. */
function spacedHex(text: string, encoding: BufferEncoding): string {
  const hex = Buffer.from(text, encoding).toString('hex');
  let out = '';
  for (let i = 0; i < hex.length; i += 2) out += (i ? ' ' : '') + hex.slice(i, i + 2);
  return out;
}

// --- coral services (query, EC2, JSON, REST-JSON) -------------------------------------------

function coralErrors(serviceId: string, family: Exclude<AuthFamily, 's3'>): AuthErrors {
  const row = FAMILIES[family];
  const over = SERVICES[serviceId] ?? {};
  const queryCompatible = (over.queryCompatible ?? row.queryCompatible) && family !== 'query';
  const codes = queryCompatible ? FAMILIES.query : row;
  const maxSkewMs = over.maxSkewMs ?? row.maxSkewMs;
  const make = (s: Spec, message: string): ServiceError =>
    new ServiceError(s.code, message, {
      statusCode: s.status,
      headers: queryCompatible ? { 'x-amzn-query-error': `${s.code};Sender` } : undefined,
    });
  const minutes = `${maxSkewMs / MIN} min.`;
  const ec2 = family === 'ec2';
  return {
    serviceId,
    family,
    maxSkewMs,
    unknownAccessKey: () => make(codes.unknownKey, ec2 ? EC2_AUTH_FAILURE : TOKEN_INVALID),
    invalidSessionToken: () => make(codes.invalidToken, ec2 ? EC2_AUTH_FAILURE : TOKEN_INVALID),
    expiredToken: () => make(codes.expiredToken, ec2 ? 'Request has expired.' : TOKEN_EXPIRED),
    signatureMismatch: (d) =>
      ec2
        ? make(codes.signature, EC2_AUTH_FAILURE)
        : make(
            codes.signature,
            d.canonicalRequest === undefined
              ? CORAL_MISMATCH
              : `${CORAL_MISMATCH}\n\nThe Canonical String for this request should have been\n'${d.canonicalRequest}'\n\nThe String-to-Sign should have been\n'${d.stringToSign}'\n`,
          ),
    requestTimeSkewed: (d) => {
      const s = codes.skew ?? codes.signature;
      if (ec2) return make(s, 'Request has expired.');
      return d.requestTime < d.serverTime
        ? make(s, `Signature expired: ${compact(d.requestTime)} is now earlier than ${compact(d.serverTime - maxSkewMs)} (${compact(d.serverTime)} - ${minutes})`)
        : make(s, `Signature not yet current: ${compact(d.requestTime)} is still later than ${compact(d.serverTime + maxSkewMs)} (${compact(d.serverTime)} + ${minutes})`);
    },
    // Not raised by the verifier: only S3 honours X-Amz-Expires, other services hold presigned URLs
    // to the skew window (requestTimeSkewed). Kept so every family answers every factory.
    presignedExpired: (d) => make(codes.skew ?? codes.signature, `Signature expired: ${compact(d.expiresAt)} is now earlier than ${compact(d.serverTime)}`),
    missingDate: (auth) =>
      make(codes.incomplete, `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${auth}`),
    invalidDate: (value) => make(codes.incomplete, `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`),
    headersNotSigned: () => make(codes.signature, HOST_NOT_SIGNED),
    credentialScope: (problems) => make(codes.signature, problems.map(coralScopeMessage).join(' ')),
    malformedCredential: (credential) =>
      make(codes.incomplete, `Credential should be scoped to a valid region. Authorization header or parameters are malformed: Credential=${credential}`),
    invalidExpires: () => make(codes.incomplete, S3_QUERY_PARAMS),
    unsupportedAlgorithm: (algorithm) => make(codes.incomplete, `Unsupported AWS 'algorithm': '${algorithm}' (only AWS4-HMAC-SHA256 for now). `),
    missingRegionSet: () => make(codes.incomplete, "SigV4a requires the 'X-Amz-Region-Set' header or parameter."),
    missingContentSha256: () => make(codes.incomplete, 'Missing required header for this request: x-amz-content-sha256'),
    invalidContentSha256: () => make(codes.signature, S3_CONTENT_SHA256_VALUES),
    contentSha256Mismatch: () => make(codes.signature, "The provided 'x-amz-content-sha256' header does not match what was computed."),
    incompleteBody: () => new ServiceError('IncompleteBody', 'The request body terminated unexpectedly', { statusCode: 400 }),
    invalidChunkSize: () => new ServiceError('IncompleteBody', 'The request body terminated unexpectedly', { statusCode: 400 }),
    malformedTrailer: () => new ServiceError('IncompleteBody', 'The request body terminated unexpectedly', { statusCode: 400 }),
    missingContentLength: () => new ServiceError('MissingContentLength', 'You must provide the Content-Length HTTP header.', { statusCode: 411 }),
  };
}

function coralScopeMessage(p: ScopeProblem): string {
  switch (p.kind) {
    case 'region':
      return `Credential should be scoped to a valid region, not '${p.got}'.`;
    case 'service':
      return `Credential should be scoped to correct service: '${p.expected}'.`;
    case 'date':
      return `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${p.scopeDate}' != '${p.amzDate.slice(0, 8)}', from '${p.amzDate}'.`;
  }
}

// --- S3 ----------------------------------------------------------------------------------

function s3Errors(serviceId: string): AuthErrors {
  const err = (code: string, status: number, message: string, fields?: Record<string, unknown>) =>
    new ServiceError(code, message, { statusCode: status, fields });
  const headerMalformed = (why: string, fields?: Record<string, unknown>) =>
    err('AuthorizationHeaderMalformed', 400, `The authorization header is malformed; ${why}`, fields);
  const queryError = (message: string, fields?: Record<string, unknown>) => err('AuthorizationQueryParametersError', 400, message, fields);
  const scope = (p: ScopeProblem, form: 'header' | 'query'): ServiceError => {
    const lead = form === 'header' ? 'The authorization header is malformed; ' : 'Error parsing the X-Amz-Credential parameter; ';
    const code = form === 'header' ? 'AuthorizationHeaderMalformed' : 'AuthorizationQueryParametersError';
    switch (p.kind) {
      case 'date':
        return form === 'header'
          ? headerMalformed('Invalid credential date. Date is not the same as X-Amz-Date.')
          : queryError('Invalid credential date. Date is not the same as X-Amz-Date.');
      case 'region':
        return err(code, 400, `${lead}the region '${p.got}' is wrong; expecting '${p.expected}'`, { Region: p.expected });
      case 'service':
        return err(code, 400, `${lead}incorrect service "${p.got}". This endpoint belongs to "${p.expected}".`);
    }
  };
  const credentialShape = 'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".';
  return {
    serviceId,
    family: 's3',
    maxSkewMs: S3_MAX_SKEW_MS,
    unknownAccessKey: (id) => err('InvalidAccessKeyId', 403, 'The AWS Access Key Id you provided does not exist in our records.', { AWSAccessKeyId: id }),
    invalidSessionToken: (token) => err('InvalidToken', 400, 'The provided token is malformed or otherwise invalid.', token === undefined ? undefined : { 'Token-0': token }),
    expiredToken: (token) => err('ExpiredToken', 400, 'The provided token has expired.', token === undefined ? undefined : { 'Token-0': token }),
    signatureMismatch: (d) => {
      const fields: Record<string, unknown> = {
        AWSAccessKeyId: d.accessKeyId,
        StringToSign: d.stringToSign,
        SignatureProvided: d.signatureProvided,
        StringToSignBytes: spacedHex(d.stringToSign, 'latin1'),
      };
      if (d.canonicalRequest !== undefined) {
        fields.CanonicalRequest = d.canonicalRequest;
        fields.CanonicalRequestBytes = spacedHex(d.canonicalRequest, d.canonicalRequestEncoding ?? 'latin1');
      }
      return err('SignatureDoesNotMatch', 403, S3_MISMATCH, fields);
    },
    requestTimeSkewed: (d) =>
      err('RequestTimeTooSkewed', 403, 'The difference between the request time and the current time is too large.', {
        RequestTime: d.requestTimeText,
        ServerTime: isoSeconds(d.serverTime),
        MaxAllowedSkewMilliseconds: S3_MAX_SKEW_MS,
      }),
    presignedExpired: (d) =>
      err('AccessDenied', 403, 'Request has expired', { 'X-Amz-Expires': d.expires, Expires: isoSeconds(d.expiresAt), ServerTime: isoSeconds(d.serverTime) }),
    missingDate: () => err('AccessDenied', 403, 'AWS authentication requires a valid Date or x-amz-date header'),
    invalidDate: (_value, form) =>
      form === 'query'
        ? queryError(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`)
        : err('AccessDenied', 403, 'AWS authentication requires a valid Date or x-amz-date header'),
    // S3 lists them comma-separated, e.g. <HeadersNotSigned>x-amz-server-side-encryption,x-amz-acl</HeadersNotSigned>.
    headersNotSigned: (names) => err('AccessDenied', 403, 'There were headers present in the request which were not signed', { HeadersNotSigned: names.join(',') }),
    credentialScope: (problems, form) => scope(problems[0]!, form),
    malformedCredential: (_credential, form) =>
      form === 'header' ? headerMalformed(credentialShape) : queryError(`Error parsing the X-Amz-Credential parameter; ${credentialShape}`),
    invalidExpires: (problem) => {
      switch (problem) {
        case 'missing':
          return queryError(S3_QUERY_PARAMS);
        case 'nan':
          return queryError('X-Amz-Expires should be a number');
        case 'negative':
          return queryError('X-Amz-Expires must be non-negative');
        case 'too-large':
          return queryError('X-Amz-Expires must be less than a week (in seconds) that is 604800');
      }
    },
    unsupportedAlgorithm: () => queryError('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256" and "AWS4-ECDSA-P256-SHA256"'),
    missingRegionSet: (form) =>
      form === 'header' ? headerMalformed('the X-Amz-Region-Set header is missing.') : queryError('X-Amz-Region-Set is required for AWS4-ECDSA-P256-SHA256.'),
    missingContentSha256: () => err('InvalidRequest', 400, 'Missing required header for this request: x-amz-content-sha256'),
    invalidContentSha256: (value) =>
      err('InvalidArgument', 400, S3_CONTENT_SHA256_VALUES, { ArgumentName: 'x-amz-content-sha256', ArgumentValue: value }),
    contentSha256Mismatch: (client, computed) =>
      err('XAmzContentSHA256Mismatch', 400, "The provided 'x-amz-content-sha256' header does not match what was computed.", {
        ClientComputedContentSHA256: client,
        S3ComputedContentSHA256: computed,
      }),
    incompleteBody: (expected, provided) =>
      expected === undefined
        ? err('IncompleteBody', 400, 'The request body terminated unexpectedly')
        : err('IncompleteBody', 400, 'You did not provide the number of bytes specified by the Content-Length HTTP header', {
            NumberBytesExpected: expected,
            NumberBytesProvided: provided,
          }),
    invalidChunkSize: (chunk, size) =>
      err('InvalidChunkSizeError', 400, 'Only the last chunk is allowed to have a size less than 8192 bytes', { Chunk: chunk, BadChunkSize: size }),
    malformedTrailer: () => err('MalformedTrailerError', 400, 'The request contained trailing data that was not well-formed or did not conform to our published schema.'),
    missingContentLength: () => err('MissingContentLength', 411, 'You must provide the Content-Length HTTP header.'),
  };
}
