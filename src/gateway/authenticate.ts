/**
 * The authenticate step, in two halves around reading the body:
 *
 * 1. `authenticate` (before the body): who the access key stands for. Keys IAM issued and STS
 *    session keys resolve to their user, role session or federated user; they must be active,
 *    carry their session token, be unexpired, and their signature is always verified. The
 *    conventional keys (`test`, 12-digit account ids, anything else) are account roots whose
 *    signature is not checked, unless `--strict-auth`, which accepts only issued keys and the
 *    configured root key pair. Every check that needs neither secret nor body (dates, clock skew,
 *    credential scope, signed headers) runs here.
 * 2. `verifySignature` (after the body): the payload hash, the signature, and for every S3 request
 *    the body decoding: aws-chunked bodies are decoded whether or not the signature was checked
 *    (each chunk's signature is checked as it arrives when it was), so handlers see the object's
 *    bytes and never the framing.
 */
import type { CredentialResolver, ResolvedCredential } from '../auth/identity.js';
import { conventionalCaller, type Caller } from '../auth/principal.js';
import { MalformedCredentialError } from '../auth/credentials.js';
import { authErrors, type AuthErrors } from '../auth/errors.js';
import { checkSigV4Request, decodeS3Body, payloadHashFor, readSessionToken, verifySigV4Signature, type SigV4Prepared, type SigV4Verified } from '../auth/sigv4/index.js';
import type { Authenticated, Routed } from './context.js';
import type { Gateway } from './gateway.js';
import { applyPresignedHeaders } from './presigned-headers.js';

/** A signature still to check once the body is known. */
export interface PendingSignature {
  readonly prepared: SigV4Prepared;
  readonly secretAccessKey: string;
  readonly errors: AuthErrors;
  /** The resolver that issued the key (to note its use), if any. */
  readonly resolver: CredentialResolver | undefined;
  /** When the request was authenticated (epoch ms). */
  readonly now: number;
}

export function authenticate(gw: Gateway, routed: Routed): Authenticated {
  if (routed.credentialError) {
    const e = routed.credentialError;
    throw e instanceof MalformedCredentialError ? errorsOf(routed).malformedCredential(e.credential, e.form) : e;
  }
  const credential = routed.credential;
  const config = gw.config;
  let caller: Caller;
  if (credential === undefined) {
    caller = conventionalCaller(undefined, config.defaultAccountId);
  } else {
    const accessKeyId = credential.accessKeyId;
    const key = resolveAccessKey(gw, accessKeyId);
    if (!key) throw errorsOf(routed).unknownAccessKey(accessKeyId);
    const { issued, resolver } = key;
    const secret = key.secretAccessKey;
    caller = key.caller;
    if (secret === undefined && credential.form === 'query') {
      // A presigned URL expires whatever key signed it: its dates are checked, though its
      // signature is not (users test expiry with the conventional keys too).
      checkSigV4Request(routed.http, credential, { errors: errorsOf(routed), now: gw.clock.now().getTime(), rawHeaders: routed.raw.rawHeaders, signingName: routed.runtime.entry.signingName });
    }
    if (secret !== undefined) {
      // AWS checks the date, clock skew and scope before the key's state.
      const errors = errorsOf(routed);
      const now = gw.clock.now().getTime();
      const prepared = checkSigV4Request(routed.http, credential, { errors, now, rawHeaders: routed.raw.rawHeaders, signingName: routed.runtime.entry.signingName });
      if (issued) {
        if (!issued.active) throw errors.unknownAccessKey(accessKeyId);
        const token = readSessionToken(routed.http);
        if (token !== issued.sessionToken) throw errors.invalidSessionToken(token);
        if (issued.expiresAt !== undefined && now >= issued.expiresAt) throw errors.expiredToken(token);
      }
      routed.signature = { prepared, secretAccessKey: secret, errors, resolver, now };
    }
  }
  if (credential?.form === 'query') applyPresignedHeaders(routed.http.headers, routed.query);
  const scopeRegion = credential?.region && credential.region !== '*' ? credential.region : undefined;
  routed.caller = caller;
  routed.accountId = caller.accountId;
  routed.region = scopeRegion ?? routed.route.hostRegion ?? gw.config.region;
  return routed as Authenticated;
}

/** Who an access key stands for, and the secret its signatures are verified with. */
export interface AccessKeyOwner {
  readonly caller: Caller;
  /** Undefined for the conventional keys (`test`, 12-digit ids …), whose signatures are not checked. */
  readonly secretAccessKey: string | undefined;
  /** A key IAM or STS issued (its state, session token and expiry), and who issued it. */
  readonly issued?: ResolvedCredential;
  readonly resolver?: CredentialResolver;
}

/**
 * The one rule for access keys, for header and query signatures and for what services verify
 * themselves (S3's form uploads): keys IAM and STS issued resolve to their principal; under
 * `--strict-auth` only the configured root key pair is otherwise known (undefined: unknown key);
 * without it any other key is a conventional root, signature unchecked.
 */
export function resolveAccessKey(gw: Gateway, accessKeyId: string): AccessKeyOwner | undefined {
  for (const resolver of gw.identity.resolvers) {
    const issued = resolver.resolveCredential(accessKeyId);
    if (issued) return { caller: issued.caller, secretAccessKey: issued.secretAccessKey, issued, resolver };
  }
  const config = gw.config;
  if (config.strictAuth && accessKeyId !== config.rootAccessKeyId) return undefined;
  return { caller: conventionalCaller(accessKeyId, config.defaultAccountId), secretAccessKey: config.strictAuth ? config.rootSecretAccessKey : undefined };
}

/** Each service's auth errors, remembered per protocol object (one lookup per verified request). */
const errorsByProtocol = new WeakMap<object, AuthErrors>();

function errorsOf(routed: Routed): AuthErrors {
  let errors = errorsByProtocol.get(routed.protocol);
  if (errors === undefined || errors.serviceId !== routed.runtime.entry.id) {
    errors = authErrors(routed.runtime.entry.id, routed.protocol.name);
    errorsByProtocol.set(routed.protocol, errors);
  }
  return errors;
}

/**
 * Checks the signature now that the payload is known (requests signed with a key whose secret
 * Nimbus knows), then gives S3 requests their decoded body (all of them: a conventional key's
 * aws-chunked upload is decoded too, only its chunk signatures go unchecked).
 */
export function verifySignature(call: Authenticated): void {
  const pending = call.signature;
  let verified: SigV4Verified | undefined;
  if (pending) {
    const http = call.http;
    const { prepared, errors } = pending;
    const payloadHash = payloadHashFor(http, prepared, http.signedBody ?? http.body);
    // Only a streamed non-S3 body with a hex hash is left undecided; no such operation exists.
    if (payloadHash === undefined) throw errors.missingContentSha256();
    verified = verifySigV4Signature(prepared, pending.secretAccessKey, payloadHash);
  }
  if (call.runtime.entry.id === 's3') decodeS3Body(call.http, pending?.errors ?? errorsOf(call), verified);
  if (pending && verified) pending.resolver?.noteUsed?.(verified.accessKeyId, call.runtime.entry.signingName, call.region, pending.now);
}
