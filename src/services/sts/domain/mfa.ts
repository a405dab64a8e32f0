/**
 * Checking an MFA code passed to GetSessionToken or AssumeRole against the caller's virtual MFA
 * device, with AWS's messages (all AccessDenied).
 */
import type { IdentityDirectory } from '../../../auth/identity.js';
import type { Caller } from '../../../auth/principal.js';
import { matchTotp } from '../../../auth/totp.js';
import { accessDenied } from './errors.js';

/** The time MFA was proven (epoch ms), or undefined when no MFA was offered. */
export function checkMfa(directory: IdentityDirectory, caller: Caller, serialNumber: string | undefined, tokenCode: string | undefined, now: number): number | undefined {
  if (serialNumber === undefined && tokenCode === undefined) return undefined;
  if (serialNumber === undefined || tokenCode === undefined) {
    throw accessDenied('MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.');
  }
  const device = directory.mfaDevice(serialNumber);
  // An IAM user proves MFA with a device enabled for that user; other callers with any device
  // enabled in their account (AWS ties the device to the user who enabled it).
  const usable = device && device.accountId === caller.accountId && device.userName !== undefined && (caller.type !== 'user' || device.userName === caller.username);
  if (!device || !usable) {
    throw accessDenied('MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.');
  }
  const step = matchTotp(device.seed, tokenCode, now);
  if (step === undefined || !directory.consumeMfaCode(serialNumber, step)) {
    throw accessDenied('MultiFactorAuthentication failed with invalid MFA one time pass code. ');
  }
  return now;
}
