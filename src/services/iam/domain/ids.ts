/**
 * IAM's identifiers, in the forms AWS issues them: a four-letter prefix naming the kind
 * (AIDA user, AROA role, AGPA group, ANPA managed policy, AIPA instance profile, AKIA access key)
 * followed by characters of the RFC 4648 base32 alphabet (A–Z, 2–7), which is what real ids are
 * made of. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-prefixes
 */
import { randomBytes, randomUUID } from 'node:crypto';

export type UniqueIdPrefix = 'AIDA' | 'AROA' | 'AGPA' | 'ANPA' | 'AIPA';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Chars(n: number): string {
  const bytes = randomBytes(n);
  let out = '';
  for (let i = 0; i < n; i++) out += BASE32[bytes[i]! & 31];
  return out;
}

/** A user, role, group, policy or instance-profile id: prefix + 17 characters (21 in all). */
export function uniqueId(prefix: UniqueIdPrefix): string {
  return prefix + base32Chars(17);
}

/** An access key id: AKIA + 16 characters (20 in all). */
export function accessKeyId(): string {
  return 'AKIA' + base32Chars(16);
}

/** A secret access key: 40 characters of the base64 alphabet, as AWS's are. */
export function secretAccessKey(): string {
  return randomBytes(30).toString('base64');
}

/** DeleteServiceLinkedRole's task id suffix. */
export function taskId(): string {
  return randomUUID();
}

/** IAM dates have whole seconds. */
export function iamNow(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 1000) * 1000);
}
