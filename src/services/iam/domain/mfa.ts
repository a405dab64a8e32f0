/**
 * Virtual MFA devices: a random 20-byte seed shown once as base32 and as the otpauth:// URI
 * authenticator apps scan ("otpauth://totp/$virtualMFADeviceName@$AccountName?secret=$Base32String").
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateVirtualMFADevice.html
 */
import { randomBytes } from 'node:crypto';
import { base32Encode, timeStep, totpCode } from '../../../auth/totp.js';

export function newSeed(): Buffer {
  return randomBytes(20);
}

export function otpauthUri(deviceName: string, accountName: string, seed: Buffer): string {
  return `otpauth://totp/${encodeURIComponent(deviceName)}@${encodeURIComponent(accountName)}?secret=${base32Encode(seed).replace(/=+$/, '')}`;
}

/**
 * The time step of the first of two consecutive codes, if they are: EnableMFADevice and
 * ResyncMFADevice take two codes the device showed one after the other, recently.
 * `lookBack` is how many 30-second steps back the first code may be.
 */
export function consecutiveCodes(seed: Buffer, code1: string, code2: string, atMs: number, lookBack: number): number | undefined {
  const now = timeStep(atMs);
  for (let s = now; s >= now - lookBack; s--) {
    if (totpCode(seed, s) === code1 && totpCode(seed, s + 1) === code2) return s;
  }
  return undefined;
}
