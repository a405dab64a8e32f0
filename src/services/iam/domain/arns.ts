/**
 * IAM ARNs. IAM is global: no region, and the path sits between the resource type and the name
 * (`arn:aws:iam::123456789012:user/division/alice`).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 */
export type IamResourceType = 'user' | 'role' | 'group' | 'policy' | 'instance-profile' | 'mfa' | 'oidc-provider';

export function iamArn(accountId: string, type: IamResourceType, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:${type}${path}${name}`;
}

export const userArn = (accountId: string, path: string, name: string): string => iamArn(accountId, 'user', path, name);
export const roleArn = (accountId: string, path: string, name: string): string => iamArn(accountId, 'role', path, name);
export const groupArn = (accountId: string, path: string, name: string): string => iamArn(accountId, 'group', path, name);
export const policyArn = (accountId: string, path: string, name: string): string => iamArn(accountId, 'policy', path, name);
export const instanceProfileArn = (accountId: string, path: string, name: string): string => iamArn(accountId, 'instance-profile', path, name);
export const mfaArn = (accountId: string, path: string, name: string): string => iamArn(accountId, 'mfa', path, name);
export const oidcProviderArn = (accountId: string, url: string): string => `arn:aws:iam::${accountId}:oidc-provider/${url}`;

/** AWS managed policies live in the `aws` pseudo-account. */
export const AWS_POLICY_PREFIX = 'arn:aws:iam::aws:policy/';

export interface ParsedPolicyArn {
  /** `aws` for AWS managed policies, else the account id. */
  owner: string;
  path: string;
  name: string;
}

/** Splits a managed policy ARN; undefined when it is not one. */
export function parsePolicyArn(arn: string): ParsedPolicyArn | undefined {
  const m = /^arn:aws:iam::(aws|\d{12}):policy(\/(?:[^/]+\/)*)([^/]+)$/.exec(arn);
  if (!m) return undefined;
  return { owner: m[1]!, path: m[2]!, name: m[3]! };
}

/** The case-insensitive key IAM names are unique by. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}
