/**
 * SigV4 and SigV4a signature verification: string to sign, signing key, signature, compared in
 * constant time. `verifySigV4` runs the whole check; the gateway can also split it in two:
 * `checkSigV4Request` in `authenticate` (no secret or body needed), `verifySigV4Signature` once the
 * secret and the payload hash are known.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
import { createHmac } from 'node:crypto';
import type { SignedCredential } from '../credentials.js';
import { checkSigV4Request } from './precheck.js';
import { sameSignature, sha256Hex, signingKey } from './signing-key.js';
import { sigV4aPublicKey, verifySigV4aSignature } from './sigv4a.js';
import { ECDSA_ALGORITHM, HMAC_ALGORITHM, type SigV4Options, type SigV4Prepared, type SigV4Request, type SigV4Verified } from './types.js';

/** `ALGORITHM\nX-Amz-Date\nscope\nhex(sha256(canonical request))`. */
export function stringToSign(prepared: SigV4Prepared, canonicalRequest: string): string {
  const hash = sha256Hex(canonicalRequest, prepared.encoding);
  return `${prepared.credential.algorithm}\n${prepared.amzDate}\n${prepared.scope}\n${hash}`;
}

/** Checks the signature of a prepared request; throws the service's mismatch error. */
export function verifySigV4Signature(prepared: SigV4Prepared, secretAccessKey: string, payloadHash: string): SigV4Verified {
  const credential = prepared.credential;
  const canonicalRequest = prepared.canonicalPrefix + payloadHash;
  const sts = stringToSign(prepared, canonicalRequest);
  let key: Buffer | undefined;
  let ok: boolean;
  if (credential.algorithm === ECDSA_ALGORITHM) {
    ok = verifySigV4aSignature(sigV4aPublicKey(credential.accessKeyId, secretAccessKey), sts, credential.signature);
  } else {
    key = signingKey(secretAccessKey, credential.date, credential.region, credential.service);
    ok = sameSignature(createHmac('sha256', key).update(sts, 'latin1').digest('hex'), credential.signature);
  }
  if (!ok) {
    throw prepared.errors.signatureMismatch({
      accessKeyId: credential.accessKeyId,
      stringToSign: sts,
      signatureProvided: credential.signature,
      canonicalRequest,
      canonicalRequestEncoding: prepared.encoding,
    });
  }
  return {
    algorithm: credential.algorithm === ECDSA_ALGORITHM ? ECDSA_ALGORITHM : HMAC_ALGORITHM,
    accessKeyId: credential.accessKeyId,
    signingKey: key,
    amzDate: prepared.amzDate,
    requestTime: prepared.requestTime,
    scope: prepared.scope,
    seedSignature: credential.signature,
    payloadHash,
    regionSet: prepared.regionSet,
  };
}

export interface SigV4Check extends SigV4Options {
  readonly credential: SignedCredential;
  readonly secretAccessKey: string;
  /** The canonical request's last line (see `payloadHashFor`). */
  readonly payloadHash: string;
}

/** All checks and the signature in one call. */
export function verifySigV4(req: SigV4Request, check: SigV4Check): SigV4Verified {
  return verifySigV4Signature(checkSigV4Request(req, check.credential, check), check.secretAccessKey, check.payloadHash);
}

/** The canonical request and string to sign a prepared request would be checked against (tests, debugging). */
export function describeSigV4(prepared: SigV4Prepared, payloadHash: string): { canonicalRequest: string; stringToSign: string } {
  const canonicalRequest = prepared.canonicalPrefix + payloadHash;
  return { canonicalRequest, stringToSign: stringToSign(prepared, canonicalRequest) };
}
