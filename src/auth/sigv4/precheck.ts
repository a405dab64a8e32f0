/**
 * The checks AWS makes before it looks at the signature itself, and the canonical request up to
 * its last line (the payload hash, which may need the body).
 *
 * AWS does not document the order. Coral services (everything but S3) answer, as observed of
 * DynamoDB: date present → date format → skew → Host signed → credential scope. For S3 we check
 * the credential scope and presigned parameters first, then the time, then that every `x-amz-*`
 * header (and Host) is signed, then x-amz-content-sha256.
 * Needs no secret: run it in `authenticate` before looking up the access key, so a stale request
 * gets its skew error even with an unknown key, as on AWS.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { SignedCredential } from '../credentials.js';
import type { AuthErrors, ScopeProblem } from '../errors.js';
import { canonicalEncoding, canonicalHeaders, canonicalQuery, signedHeaderNames, type QueryAuthParams } from './canonical.js';
import { formatAmzDate, parseAmzDate, parseHttpDate } from './dates.js';
import { isContentSha256Value } from './payload-hash.js';
import { ECDSA_ALGORITHM, HMAC_ALGORITHM, type SigV4Options, type SigV4Prepared, type SigV4Request } from './types.js';
import { canonicalUri } from './uri-encode.js';

const MAX_EXPIRES_SECONDS = 604800;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** When the request was signed, as the client wrote it and as epoch ms. */
function requestDate(req: SigV4Request, credential: SignedCredential, params: QueryAuthParams, errors: AuthErrors): { text: string; time: number; amzDate: string } {
  if (credential.form === 'query') {
    const text = params.date ?? '';
    const time = parseAmzDate(text);
    if (time === undefined) throw errors.invalidDate(text, 'query');
    return { text, time, amzDate: text };
  }
  const amz = header(req.headers, 'x-amz-date');
  if (amz !== undefined) {
    const time = parseAmzDate(amz);
    if (time === undefined) throw errors.invalidDate(amz, 'header');
    return { text: amz, time, amzDate: amz };
  }
  const date = header(req.headers, 'date');
  if (date === undefined) throw errors.missingDate(header(req.headers, 'authorization') ?? '');
  const time = parseHttpDate(date);
  if (time === undefined) throw errors.invalidDate(date, 'header');
  return { text: date, time, amzDate: formatAmzDate(time) };
}

function checkTime(credential: SignedCredential, params: QueryAuthParams, date: { text: string; time: number }, now: number, errors: AuthErrors): void {
  const skew = () => errors.requestTimeSkewed({ requestTime: date.time, requestTimeText: date.text, serverTime: now });
  // Only S3 honours X-Amz-Expires; STS and the others hold presigned URLs to the usual window.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
  if (errors.family === 's3' && credential.form === 'query') {
    const expires = params.expires;
    if (expires === undefined) throw errors.invalidExpires('missing');
    if (!/^-?\d+$/.test(expires)) throw errors.invalidExpires('nan');
    const seconds = Number(expires);
    if (seconds < 0) throw errors.invalidExpires('negative');
    if (seconds > MAX_EXPIRES_SECONDS) throw errors.invalidExpires('too-large');
    const expiresAt = date.time + seconds * 1000;
    if (now > expiresAt) throw errors.presignedExpired({ expires, expiresAt, serverTime: now });
    if (date.time - now > errors.maxSkewMs) throw skew();
    return;
  }
  if (Math.abs(now - date.time) > errors.maxSkewMs) throw skew();
}

/** S3 refuses `x-amz-*` headers (and Host) present but not signed; others only insist on Host. */
function checkSignedHeaders(req: SigV4Request, credential: SignedCredential, names: readonly string[], errors: AuthErrors): void {
  const hostSigned = names.includes('host');
  if (errors.family !== 's3') {
    if (!hostSigned) throw errors.headersNotSigned(['host']);
    return;
  }
  let unsigned: string[] | undefined = hostSigned ? undefined : ['host'];
  for (const name in req.headers) {
    if (name.charCodeAt(0) !== 120 /* x */ || !name.startsWith('x-amz-') || names.includes(name)) continue;
    // A presigned URL's body hash may travel as a header the URL did not sign.
    if (credential.form === 'query' && name === 'x-amz-content-sha256') continue;
    (unsigned ??= []).push(name);
  }
  if (unsigned) throw errors.headersNotSigned(unsigned);
}

function checkScope(credential: SignedCredential, amzDate: string, options: SigV4Options): void {
  const v4a = credential.algorithm === ECDSA_ALGORITHM;
  const wrongRegion = !v4a && options.expectedRegion !== undefined && credential.region !== options.expectedRegion;
  const wrongService = options.signingName !== undefined && credential.service !== options.signingName;
  const wrongDate = !amzDate.startsWith(credential.date);
  if (!wrongRegion && !wrongService && !wrongDate) return;
  const problems: ScopeProblem[] = [];
  if (wrongRegion) problems.push({ kind: 'region', got: credential.region, expected: options.expectedRegion! });
  if (wrongService) problems.push({ kind: 'service', got: credential.service, expected: options.signingName! });
  if (wrongDate) problems.push({ kind: 'date', scopeDate: credential.date, amzDate });
  throw options.errors.credentialScope(problems, credential.form);
}

/** S3 header-signed requests must say how their body is signed. */
function checkContentSha256(req: SigV4Request, errors: AuthErrors): void {
  const value = header(req.headers, 'x-amz-content-sha256');
  if (value === undefined) throw errors.missingContentSha256();
  if (!isContentSha256Value(value)) throw errors.invalidContentSha256(value);
}

/**
 * Runs every check that needs neither the secret nor the body and builds the canonical request
 * up to the payload hash. Throws the service's error (from `options.errors`).
 */
export function checkSigV4Request(req: SigV4Request, credential: SignedCredential, options: SigV4Options): SigV4Prepared {
  const errors = options.errors;
  const s3 = errors.family === 's3';
  const presigned = credential.form === 'query';
  if (credential.algorithm !== HMAC_ALGORITHM && credential.algorithm !== ECDSA_ALGORITHM) throw errors.unsupportedAlgorithm(credential.algorithm, credential.form);
  const v4a = credential.algorithm === ECDSA_ALGORITHM;
  const params: QueryAuthParams = {};
  const query = canonicalQuery(req.rawQuery, presigned, options.unsignedSessionTokenQuery === true, params);
  const names = signedHeaderNames(credential.signedHeaders);
  const date = requestDate(req, credential, params, errors);
  if (s3) {
    checkScope(credential, date.amzDate, options);
    checkTime(credential, params, date, options.now, errors);
    checkSignedHeaders(req, credential, names, errors);
    if (!presigned) checkContentSha256(req, errors);
  } else {
    checkTime(credential, params, date, options.now, errors);
    checkSignedHeaders(req, credential, names, errors);
    checkScope(credential, date.amzDate, options);
  }
  let regionSet: string[] | undefined;
  if (v4a) {
    const set = presigned ? params.regionSet : header(req.headers, 'x-amz-region-set');
    if (!set) throw errors.missingRegionSet(credential.form);
    regionSet = set.split(',').map((r) => r.trim());
  }
  const uri = canonicalUri(req.rawPath ?? req.path, options.normalizePath ?? !s3, options.encodePathTwice ?? !s3);
  const canonicalPrefix = `${req.method}\n${uri}\n${query}\n${canonicalHeaders(req.headers, options.rawHeaders, names)}\n${names.join(';')}\n`;
  return {
    credential,
    errors,
    amzDate: date.amzDate,
    requestTime: date.time,
    scope: v4a ? `${credential.date}/${credential.service}/aws4_request` : `${credential.date}/${credential.region}/${credential.service}/aws4_request`,
    canonicalPrefix,
    encoding: canonicalEncoding(canonicalPrefix),
    regionSet,
    queryContentSha256: params.contentSha256,
  };
}
