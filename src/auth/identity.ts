/**
 * The identities behind real credentials, as the gateway and STS need them. IAM's store
 * implements IdentityDirectory (users, roles, keys, policies, MFA devices, OIDC providers); STS's
 * store resolves the session keys it issued. Both are registered through their ServiceDefinition
 * (`identity`), so the gateway and STS read them without importing another service.
 */
import type { AttachedPolicy, Policy } from '../iam/types.js';
import type { Caller } from './principal.js';

/** A secret that can sign requests, and who signing with it makes you. */
export interface ResolvedCredential {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** STS credentials: the token the request must carry in `x-amz-security-token`. */
  readonly sessionToken?: string;
  /** IAM access keys can be made Inactive; requests signed with them are refused. */
  readonly active: boolean;
  /** Epoch milliseconds after which the credential is refused with ExpiredToken. */
  readonly expiresAt?: number;
  readonly caller: Caller;
}

/** Looks up credentials a service issued (IAM: AKIA… keys; STS: ASIA… session keys). */
export interface CredentialResolver {
  resolveCredential(accessKeyId: string): ResolvedCredential | undefined;
  /** Notes a successful use (IAM's GetAccessKeyLastUsed). Must be cheap: batch any writes. */
  noteUsed?(accessKeyId: string, service: string, region: string, atMs: number): void;
}

export interface UserRecord {
  readonly accountId: string;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  /** AIDA… */
  readonly userId: string;
  readonly tags: Readonly<Record<string, string>>;
}

export interface RoleRecord {
  readonly accountId: string;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  /** AROA… */
  readonly roleId: string;
  /** Compiled trust policy (kind 'trust'). */
  readonly trustPolicy: Policy;
  /** Seconds, 3600–43200. */
  readonly maxSessionDuration: number;
  readonly tags: Readonly<Record<string, string>>;
}

/** The identity-side policies of a user or role: inline, attached managed, and (users) their groups'. */
export interface PrincipalPolicies {
  readonly identity: readonly AttachedPolicy[];
  readonly boundary?: AttachedPolicy;
}

export interface MfaDeviceRecord {
  readonly accountId: string;
  readonly serialNumber: string;
  /** The raw TOTP seed (what CreateVirtualMFADevice returned base32-encoded). */
  readonly seed: Buffer;
  /** The user it is enabled for, if enabled. */
  readonly userName?: string;
}

export interface OidcProviderRecord {
  readonly arn: string;
  /** Without `https://`, as IAM stores it (`token.actions.githubusercontent.com`). */
  readonly url: string;
  readonly clientIds: readonly string[];
  readonly thumbprints: readonly string[];
}

/** What IAM knows, read by the gateway (policies) and STS (roles, MFA, OIDC). */
export interface IdentityDirectory extends CredentialResolver {
  /** Changes whenever anything here changes; caches of policies are keyed on it. */
  readonly generation: number;
  user(accountId: string, userName: string): UserRecord | undefined;
  role(accountId: string, roleName: string): RoleRecord | undefined;
  /** Undefined when the user or role no longer exists (its sessions then may do nothing). */
  policies(accountId: string, kind: 'user' | 'role', name: string): PrincipalPolicies | undefined;
  /** A managed policy's default version, by ARN (session policies given by ARN). */
  managedPolicy(arn: string): AttachedPolicy | undefined;
  mfaDevice(serialNumber: string): MfaDeviceRecord | undefined;
  /**
   * Records that a TOTP code was used, so it cannot be replayed; false when it was already used
   * (AWS refuses a code twice within its window).
   */
  consumeMfaCode(serialNumber: string, timeStep: number): boolean;
  oidcProvider(arn: string): OidcProviderRecord | undefined;
}

/** The directory when IAM is not running: nobody is known. */
export const EMPTY_DIRECTORY: IdentityDirectory = {
  generation: 0,
  resolveCredential: () => undefined,
  user: () => undefined,
  role: () => undefined,
  policies: () => undefined,
  managedPolicy: () => undefined,
  mfaDevice: () => undefined,
  consumeMfaCode: () => false,
  oidcProvider: () => undefined,
};
