/**
 * What a SecureString looks like without decryption. Nimbus has no KMS: it stores the plaintext
 * and, where AWS returns the KMS ciphertext (base64), returns an opaque blob shaped like one:
 * deterministic for a given parameter version, different for every version, and derived by
 * hashing, so it does not contain the value.
 */
import { createHash } from 'node:crypto';

export function opaqueCiphertext(accountId: string, region: string, key: string, version: number, keyId: string, value: string): string {
  const seed = createHash('sha256').update(`${accountId}\0${region}\0${key}\0${version}\0${keyId}\0${value}`).digest();
  const length = Buffer.byteLength(value, 'utf8') + 16;
  const chunks: Buffer[] = [];
  for (let i = 0; chunks.length * 32 < length; i++) chunks.push(createHash('sha256').update(seed).update(String(i)).digest());
  const header = Buffer.from([0x01, 0x02, 0x02, 0x00, 0x78]);
  const keyDigest = createHash('sha256').update(keyId).digest();
  return Buffer.concat([header, keyDigest, Buffer.from([0x01]), Buffer.concat(chunks).subarray(0, length)]).toString('base64');
}
