/**
 * Console passwords (login profiles): checked against the account password policy when one is
 * set, and stored only as a salted scrypt hash.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { PasswordPolicy, UpdateAccountPasswordPolicyRequest } from '../generated/types.js';
import { IamErrors } from './errors.js';

/** The symbols IAM counts ("! @ # $ % ^ & * ( ) _ + - = [ ] { } | '"). */
const SYMBOLS = /[!@#$%^&*()_+\-=[\]{}|']/;

export function checkPassword(password: string, policy: PasswordPolicy | undefined): void {
  if (!policy) return;
  const min = policy.MinimumPasswordLength ?? 6;
  if (password.length < min) throw IamErrors.passwordPolicy(`Password should have a minimum length of ${min}`);
  if (policy.RequireUppercaseCharacters && !/[A-Z]/.test(password)) throw IamErrors.passwordPolicy('Password should have at least one uppercase letter');
  if (policy.RequireLowercaseCharacters && !/[a-z]/.test(password)) throw IamErrors.passwordPolicy('Password should have at least one lowercase letter');
  if (policy.RequireNumbers && !/[0-9]/.test(password)) throw IamErrors.passwordPolicy('Password should have at least one number');
  if (policy.RequireSymbols && !SYMBOLS.test(password)) throw IamErrors.passwordPolicy('Password should have at least one symbol');
}

/** UpdateAccountPasswordPolicy replaces the whole policy: members left out take their defaults. */
export function passwordPolicyFrom(input: UpdateAccountPasswordPolicyRequest): PasswordPolicy {
  const maxAge = input.MaxPasswordAge ?? 0;
  const policy: PasswordPolicy = {
    MinimumPasswordLength: input.MinimumPasswordLength ?? 6,
    RequireSymbols: input.RequireSymbols ?? false,
    RequireNumbers: input.RequireNumbers ?? false,
    RequireUppercaseCharacters: input.RequireUppercaseCharacters ?? false,
    RequireLowercaseCharacters: input.RequireLowercaseCharacters ?? false,
    AllowUsersToChangePassword: input.AllowUsersToChangePassword ?? false,
    ExpirePasswords: maxAge > 0,
  };
  if (maxAge > 0) policy.MaxPasswordAge = maxAge;
  if (input.PasswordReusePrevention) policy.PasswordReusePrevention = input.PasswordReusePrevention;
  if (input.HardExpiry !== undefined) policy.HardExpiry = input.HardExpiry;
  return policy;
}

/** scrypt with a small cost: these are local test passwords, and a login profile write should stay fast. */
const COST = { N: 1024, r: 8, p: 1 };

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, COST);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function passwordMatches(password: string, stored: string): boolean {
  const [, salt, hash] = stored.split('$');
  if (!salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  return timingSafeEqual(expected, scryptSync(password, Buffer.from(salt, 'base64'), expected.length, COST));
}
