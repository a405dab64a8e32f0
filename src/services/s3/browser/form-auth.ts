/**
 * Who signed an HTML form upload, from its fields rather than its headers.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html
 *
 * - SigV4: `x-amz-algorithm` (AWS4-HMAC-SHA256), `x-amz-credential` (AKID/date/region/s3/
 *   aws4_request), `x-amz-date`, `x-amz-signature` = hex HMAC-SHA256 of the `policy` field as
 *   sent (its base64 text), keyed with the SigV4 signing key of the credential's scope.
 * - SigV2 (still accepted by S3): `AWSAccessKeyId`, `signature` = base64 HMAC-SHA1 of the policy.
 * - None of those fields: an anonymous upload (the policy, if any, is not evaluated), which only a
 *   bucket policy or ACL open to everyone allows.
 *
 * Keys follow the rule of header signatures (gateway/authenticate.ts): IAM and STS keys must be
 * active, carry their session token (`x-amz-security-token`), be unexpired and sign correctly; the
 * conventional keys (`test`, account ids) are roots whose signatures are not checked, unless
 * `--strict-auth`.
 */
import { createHmac } from 'node:crypto';
import { authErrors } from '../../../auth/errors.js';
import type { Caller } from '../../../auth/principal.js';
import { sameSignature, signingKey } from '../../../auth/sigv4/signing-key.js';
import type { RawRouteContext } from '../../raw-routes.js';
import type { S3Store } from '../store.js';
import { BrowserErrors } from './errors.js';
import type { FormField } from './form-parse.js';

export interface FormSigner {
  readonly caller: Caller;
  /** 4 or 2; undefined for an anonymous upload. */
  readonly signatureVersion: 4 | 2 | undefined;
  /** The `policy` field as sent, for a signed upload. */
  readonly policy: string | undefined;
}

const errors = authErrors('s3', 'rest-xml');
const AMZ_DATE = /^\d{8}T\d{6}Z$/;

type Fields = ReadonlyMap<string, FormField>;

function value(fields: Fields, name: string): string | undefined {
  return fields.get(name)?.value;
}

/** The field S3 asks for when it is missing, in its spelling. */
function required(fields: Fields, name: string, spelled: string): string {
  const v = value(fields, name);
  if (v === undefined) throw BrowserErrors.missingField(spelled);
  return v;
}

/** Identifies the signer and checks the signature (not the policy's content: see post-policy.ts). */
export function formSigner(fields: Fields, ctx: RawRouteContext<S3Store>, bucketRegion: string | undefined): FormSigner {
  const v4 = ['x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-signature'].some((n) => fields.has(n));
  if (v4) return sigV4Signer(fields, ctx, bucketRegion);
  if (fields.has('awsaccesskeyid') || fields.has('signature')) return sigV2Signer(fields, ctx);
  return { caller: ctx.anonymousCaller(), signatureVersion: undefined, policy: undefined };
}

function sigV4Signer(fields: Fields, ctx: RawRouteContext<S3Store>, bucketRegion: string | undefined): FormSigner {
  const algorithm = required(fields, 'x-amz-algorithm', 'X-Amz-Algorithm');
  const credential = required(fields, 'x-amz-credential', 'X-Amz-Credential');
  const signature = required(fields, 'x-amz-signature', 'X-Amz-Signature');
  const date = required(fields, 'x-amz-date', 'X-Amz-Date');
  const policy = required(fields, 'policy', 'Policy');
  if (algorithm !== 'AWS4-HMAC-SHA256') throw BrowserErrors.unsupportedAlgorithm(algorithm);
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request' || !/^\d{8}$/.test(parts[1]!)) throw BrowserErrors.malformedCredential(credential);
  const [accessKeyId, scopeDate, region, service] = parts as [string, string, string, string];
  if (accessKeyId === '') throw BrowserErrors.emptyAccessKey(credential);
  if (!AMZ_DATE.test(date)) throw BrowserErrors.invalidDate(date);
  const key = resolveKey(fields, ctx, accessKeyId);
  if (key.secret !== undefined) {
    // The signature is valid only in its scope, and the scope's region must be the bucket's.
    if (bucketRegion !== undefined && region !== bucketRegion) throw BrowserErrors.wrongRegion(credential, region, bucketRegion);
    if (!sameSignature(policySignatureV4(policy, key.secret, scopeDate, region, service), signature)) throw mismatch(accessKeyId, policy, signature);
  }
  return { caller: key.caller, signatureVersion: 4, policy };
}

function sigV2Signer(fields: Fields, ctx: RawRouteContext<S3Store>): FormSigner {
  const accessKeyId = required(fields, 'awsaccesskeyid', 'AWSAccessKeyId');
  const signature = required(fields, 'signature', 'Signature');
  const policy = required(fields, 'policy', 'Policy');
  const key = resolveKey(fields, ctx, accessKeyId);
  if (key.secret !== undefined) {
    if (policySignatureV2(policy, key.secret) !== signature) throw mismatch(accessKeyId, policy, signature);
  }
  return { caller: key.caller, signatureVersion: 2, policy };
}

/** SigV4: hex HMAC-SHA256 of the policy's base64 text, keyed with the scope's signing key. */
export function policySignatureV4(policy: string, secret: string, scopeDate: string, region: string, service: string): string {
  return createHmac('sha256', signingKey(secret, scopeDate, region, service)).update(policy, 'utf8').digest('hex');
}

/** SigV2: base64 HMAC-SHA1 of the policy's base64 text, keyed with the secret. */
export function policySignatureV2(policy: string, secret: string): string {
  return createHmac('sha1', secret).update(policy, 'utf8').digest('base64');
}

function mismatch(accessKeyId: string, policy: string, signature: string): Error {
  // S3 names the policy as the string to sign; there is no canonical request for a form.
  return errors.signatureMismatch({ accessKeyId, stringToSign: policy, signatureProvided: signature });
}

function resolveKey(fields: Fields, ctx: RawRouteContext<S3Store>, accessKeyId: string): { caller: Caller; secret: string | undefined } {
  const resolved = ctx.resolveAccessKey(accessKeyId);
  if (!resolved || !resolved.active) throw errors.unknownAccessKey(accessKeyId);
  if (resolved.sessionToken !== undefined || fields.has('x-amz-security-token')) {
    const token = value(fields, 'x-amz-security-token');
    // A conventional key with a token is taken as it would be in a header: the token is not checked.
    if (resolved.secretAccessKey !== undefined && token !== resolved.sessionToken) throw errors.invalidSessionToken(token);
  }
  if (resolved.expiresAt !== undefined && ctx.now().getTime() >= resolved.expiresAt) throw errors.expiredToken(value(fields, 'x-amz-security-token'));
  return { caller: resolved.caller, secret: resolved.secretAccessKey };
}
