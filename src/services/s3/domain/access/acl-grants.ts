/**
 * Bucket and object ACLs as resource-based policy statements, so the policy engine decides them
 * together with the bucket policy and the caller's own policies.
 *
 * Grantees: the AllUsers group is everyone, signed or not (`"Principal": "*"`); AuthenticatedUsers
 * is any signed AWS principal (`"Principal": {"AWS": "*"}` unless aws:PrincipalType is Anonymous);
 * a canonical user id is that account (`"Principal": {"AWS": "<account>"}`, which delegates to the
 * account: its IAM users still need their own policies to allow, as AWS does for ACL grants).
 * Grants to the resource owner's own account change nothing (the owner's root is allowed anyway,
 * its users need identity policies anyway), so the default ACL translates to no statement at all.
 * Grants by e-mail address and to the LogDelivery group name nobody Nimbus can identify.
 *
 * Permissions map to actions as AWS's table "Mapping of ACL permissions and access policy
 * permissions" lists them:
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#acl-access-policy-permission-mapping
 */
import { parsePolicy, type AttachedPolicy } from '../../../../iam/index.js';
import type { AccessControlPolicy, Permission } from '../../generated/types.js';
import { GROUPS } from '../bucket-acl.js';
import { canonicalUserId } from '../owners.js';

/** Permissions as bits, so a grantee's set is a small number and a cache key is short. */
const BIT: Record<Permission, number> = { READ: 1, WRITE: 2, READ_ACP: 4, WRITE_ACP: 8, FULL_CONTROL: 15 };

/** Who an ACL grants what: bit sets per grantee class, and per canonical user id. */
export interface AclSummary {
  readonly allUsers: number;
  readonly authenticatedUsers: number;
  readonly accounts: ReadonlyMap<string, number>;
}

export const EMPTY_ACL: AclSummary = Object.freeze({ allUsers: 0, authenticatedUsers: 0, accounts: new Map<string, number>() });

/** Reads an ACL document (as PutBucketAcl / PutObjectAcl stored it) into grant bits. */
export function summarizeAcl(acl: AccessControlPolicy | undefined): AclSummary {
  const grants = acl?.Grants;
  if (!grants?.length) return EMPTY_ACL;
  let allUsers = 0;
  let authenticatedUsers = 0;
  let accounts: Map<string, number> | undefined;
  for (const g of grants) {
    const bits = g.Permission ? (BIT[g.Permission] ?? 0) : 0;
    const grantee = g.Grantee;
    if (!bits || !grantee) continue;
    if (grantee.Type === 'Group') {
      if (grantee.URI === GROUPS.AllUsers) allUsers |= bits;
      else if (grantee.URI === GROUPS.AuthenticatedUsers) authenticatedUsers |= bits;
    } else if (grantee.Type === 'CanonicalUser' && grantee.ID) {
      accounts ??= new Map();
      accounts.set(grantee.ID, (accounts.get(grantee.ID) ?? 0) | bits);
    }
  }
  return { allUsers, authenticatedUsers, accounts: accounts ?? EMPTY_ACL.accounts };
}

/** True when the ACL grants anything to AllUsers or AuthenticatedUsers (AWS's "public" ACL). */
export function isPublicAclSummary(acl: AclSummary): boolean {
  return acl.allUsers !== 0 || acl.authenticatedUsers !== 0;
}

export type AclTarget = 'bucket' | 'object';

const ACTIONS: Record<AclTarget, readonly (readonly [number, readonly string[]])[]> = {
  bucket: [
    [BIT.READ, ['s3:ListBucket', 's3:ListBucketVersions', 's3:ListBucketMultipartUploads']],
    [BIT.WRITE, ['s3:PutObject', 's3:DeleteObject']],
    [BIT.READ_ACP, ['s3:GetBucketAcl']],
    [BIT.WRITE_ACP, ['s3:PutBucketAcl']],
  ],
  object: [
    // GetObjectAttributes needs "READ access to the object" (API reference), so READ covers it.
    [BIT.READ, ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectAttributes', 's3:GetObjectVersionAttributes']],
    [BIT.READ_ACP, ['s3:GetObjectAcl', 's3:GetObjectVersionAcl']],
    [BIT.WRITE_ACP, ['s3:PutObjectAcl', 's3:PutObjectVersionAcl']],
  ],
};

function actionsFor(target: AclTarget, bits: number): string[] {
  const out: string[] = [];
  for (const [bit, actions] of ACTIONS[target]) if (bits & bit) out.push(...actions);
  return out;
}

/**
 * The ACL's grants that can matter to a caller of `callerAccount` on a resource owned by
 * `ownerAccount`, as one resource-based policy (undefined: none). `ignorePublic` drops the
 * AllUsers and AuthenticatedUsers grants (Block Public Access's IgnorePublicAcls). The policies
 * are compiled once per distinct (target, grants, account) and shared by every bucket and object
 * with the same grants: their statements name `Resource: "*"`, because they are only ever
 * evaluated for the resource whose ACL they came from.
 */
export function aclGrantsFor(target: AclTarget, acl: AclSummary, ownerAccount: string, callerAccount: string | undefined, ignorePublic: boolean): AttachedPolicy | undefined {
  const allUsers = ignorePublic ? 0 : acl.allUsers;
  const authenticated = ignorePublic || callerAccount === undefined ? 0 : acl.authenticatedUsers;
  let account = 0;
  if (callerAccount !== undefined && callerAccount !== ownerAccount && acl.accounts.size > 0) account = acl.accounts.get(canonicalUserId(callerAccount)) ?? 0;
  if (allUsers === 0 && authenticated === 0 && account === 0) return undefined;
  const key = `${target}|${allUsers}|${authenticated}|${account}|${account ? callerAccount : ''}`;
  let policy = compiled.get(key);
  if (policy === undefined) {
    policy = compile(target, allUsers, authenticated, account, callerAccount);
    if (compiled.size >= 1000) compiled.clear();
    compiled.set(key, policy);
  }
  return policy;
}

const compiled = new Map<string, AttachedPolicy>();

function compile(target: AclTarget, allUsers: number, authenticated: number, account: number, callerAccount: string | undefined): AttachedPolicy {
  const statements: Record<string, unknown>[] = [];
  if (allUsers) statements.push({ Sid: 'AllUsers', Effect: 'Allow', Principal: '*', Action: actionsFor(target, allUsers), Resource: '*' });
  if (authenticated) {
    statements.push({
      Sid: 'AuthenticatedUsers',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: actionsFor(target, authenticated),
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:PrincipalType': 'Anonymous' } },
    });
  }
  if (account) statements.push({ Sid: 'Account', Effect: 'Allow', Principal: { AWS: callerAccount }, Action: actionsFor(target, account), Resource: '*' });
  const text = JSON.stringify({ Version: '2012-10-17', Statement: statements });
  return { policy: parsePolicy(text, 'resource'), source: { type: 'resource', name: `${target}-acl` } };
}
