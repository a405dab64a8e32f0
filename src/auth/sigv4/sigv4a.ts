/**
 * SigV4a (`AWS4-ECDSA-P256-SHA256`): the same canonical request, signed with ECDSA P-256 over
 * SHA-256 of the string to sign, by a key pair derived from the secret access key. The scope has no
 * region; the regions the signature is good for travel in X-Amz-Region-Set.
 *
 * Key derivation (the documented NIST SP 800-108 HMAC-SHA256 counter-mode KDF):
 *   for counter = 1, 2, … 254:
 *     k0 = HMAC-SHA256("AWS4A" + secret,
 *            0x00000001 || "AWS4-ECDSA-P256-SHA256" || 0x00 || accessKeyId || counter (1 byte) || 0x00000100)
 *     if k0 (big-endian integer) <= n - 2: private key d = k0 + 1; stop
 * where n is the order of the P-256 group.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#derive-signing-key
 */
import { createECDH, createHmac, createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto';

const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const LABEL = Buffer.from('AWS4-ECDSA-P256-SHA256', 'latin1');

export interface SigV4aKeyPair {
  readonly privateKey: Buffer;
  /** Uncompressed point coordinates, 32 bytes each. */
  readonly x: Buffer;
  readonly y: Buffer;
  readonly publicKey: KeyObject;
}

/** Derives the SigV4a key pair of an access key (deterministic: same inputs, same keys). */
export function deriveSigV4aKeyPair(accessKeyId: string, secretAccessKey: string): SigV4aKeyPair {
  const inputKey = Buffer.from('AWS4A' + secretAccessKey, 'utf8');
  const akid = Buffer.from(accessKeyId, 'utf8');
  for (let counter = 1; counter <= 254; counter++) {
    const fixedInput = Buffer.concat([Buffer.from([0, 0, 0, 1]), LABEL, Buffer.from([0]), akid, Buffer.from([counter]), Buffer.from([0, 0, 1, 0])]);
    const k0 = createHmac('sha256', inputKey).update(fixedInput).digest();
    const c = BigInt('0x' + k0.toString('hex'));
    if (c > P256_ORDER - 2n) continue;
    const privateKey = Buffer.from((c + 1n).toString(16).padStart(64, '0'), 'hex');
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(privateKey);
    const point = ecdh.getPublicKey(); // 0x04 || X || Y
    const x = point.subarray(1, 33);
    const y = point.subarray(33, 65);
    const publicKey = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: x.toString('base64url'), y: y.toString('base64url') }, format: 'jwk' });
    return { privateKey, x, y, publicKey };
  }
  // Each try fails with probability ~2^-32; 254 failures in a row do not happen.
  throw new Error('SigV4a key derivation did not converge');
}

const MAX_KEYS = 256;
const publicKeys = new Map<string, KeyObject>();

/** The cached public key of an access key (deriving it costs a scalar multiplication). */
export function sigV4aPublicKey(accessKeyId: string, secretAccessKey: string): KeyObject {
  const cacheKey = `${accessKeyId}\0${secretAccessKey}`;
  let key = publicKeys.get(cacheKey);
  if (key === undefined) {
    key = deriveSigV4aKeyPair(accessKeyId, secretAccessKey).publicKey;
    if (publicKeys.size >= MAX_KEYS) publicKeys.delete(publicKeys.keys().next().value!);
    publicKeys.set(cacheKey, key);
  }
  return key;
}

/** Checks a hex DER ECDSA signature over the string to sign. */
export function verifySigV4aSignature(publicKey: KeyObject, stringToSign: string, signatureHex: string): boolean {
  if (signatureHex.length === 0 || signatureHex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(signatureHex)) return false;
  try {
    return cryptoVerify('sha256', Buffer.from(stringToSign, 'latin1'), { key: publicKey, dsaEncoding: 'der' }, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false; // malformed DER
  }
}

/** Whether a region is in a SigV4a region set (entries may be `*` or end with a `*` wildcard). */
export function regionSetIncludes(regionSet: readonly string[], region: string): boolean {
  for (const entry of regionSet) {
    if (entry === '*' || entry === region) return true;
    if (entry.endsWith('*') && region.startsWith(entry.slice(0, -1))) return true;
  }
  return false;
}
