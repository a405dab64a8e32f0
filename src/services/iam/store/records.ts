/** What the store hands out: plain records with dates as Date and absent values as undefined. */
import type { statusType } from '../generated/types.js';

export interface UserRow {
  accountId: string;
  userId: string;
  name: string;
  path: string;
  createDate: Date;
  boundaryArn?: string;
  passwordLastUsed?: Date;
}

export interface GroupRow {
  accountId: string;
  groupId: string;
  name: string;
  path: string;
  createDate: Date;
}

export interface RoleRow {
  accountId: string;
  roleId: string;
  name: string;
  path: string;
  createDate: Date;
  trustPolicy: string;
  description?: string;
  maxSessionDuration: number;
  boundaryArn?: string;
  lastUsedDate?: Date;
  lastUsedRegion?: string;
}

export interface ManagedPolicyRow {
  accountId: string;
  policyId: string;
  name: string;
  path: string;
  arn: string;
  description?: string;
  defaultVersion: number;
  nextVersion: number;
  createDate: Date;
  updateDate: Date;
}

export interface PolicyVersionRow {
  version: number;
  document: string;
  createDate: Date;
}

export interface AccessKeyRow {
  accessKeyId: string;
  accountId: string;
  userId: string;
  secret: string;
  status: statusType;
  createDate: Date;
  lastUsedDate?: Date;
  lastUsedService?: string;
  lastUsedRegion?: string;
}

export interface LoginProfileRow {
  userId: string;
  passwordHash: string;
  createDate: Date;
  resetRequired: boolean;
}

export interface MfaRow {
  serialNumber: string;
  accountId: string;
  name: string;
  path: string;
  seed: Buffer;
  userId?: string;
  enableDate?: Date;
  createDate: Date;
}

export interface InstanceProfileRow {
  accountId: string;
  profileId: string;
  name: string;
  path: string;
  createDate: Date;
}

export interface OidcRow {
  arn: string;
  accountId: string;
  url: string;
  clientIds: string[];
  thumbprints: string[];
  createDate: Date;
}

/** Which kind of principal owns an inline policy or an attachment. */
export type OwnerKind = 'user' | 'group' | 'role';

export const date = (ms: number): Date => new Date(ms);
export const optDate = (ms: number | null): Date | undefined => (ms === null ? undefined : new Date(ms));
export const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
