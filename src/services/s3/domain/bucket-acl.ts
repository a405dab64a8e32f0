/**
 * Access control lists as PutBucketAcl takes them: the grants a canned ACL stands for, the grants
 * `x-amz-grant-*` headers list, the checks an AccessControlPolicy body gets, and whether an ACL is
 * public or owner-only. The grant helpers are pure and take the owning accounts, so object ACLs
 * can use them too.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html
 */
import type { AccessControlPolicy, Grant, Grantee, Permission } from '../generated/types.js';
import { ConfigErrors } from './errors-config.js';
import { S3Errors } from './errors.js';
import { canonicalUserId, isCanonicalUserId } from './owners.js';

export const GROUPS = {
  AllUsers: 'http://acs.amazonaws.com/groups/global/AllUsers',
  AuthenticatedUsers: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
  LogDelivery: 'http://acs.amazonaws.com/groups/s3/LogDelivery',
} as const;

const GROUP_URIS: ReadonlySet<string> = new Set(Object.values(GROUPS));
const PERMISSIONS: ReadonlySet<string> = new Set(['FULL_CONTROL', 'WRITE', 'WRITE_ACP', 'READ', 'READ_ACP']);

export const CANNED_ACLS = [
  'private',
  'public-read',
  'public-read-write',
  'authenticated-read',
  'aws-exec-read',
  'bucket-owner-read',
  'bucket-owner-full-control',
  'log-delivery-write',
] as const;
export type CannedAcl = (typeof CANNED_ACLS)[number];

export function isCannedAcl(value: string): value is CannedAcl {
  return (CANNED_ACLS as readonly string[]).includes(value);
}

function user(accountId: string): Grantee {
  return { Type: 'CanonicalUser', ID: canonicalUserId(accountId) };
}

function group(uri: string): Grantee {
  return { Type: 'Group', URI: uri };
}

function grant(grantee: Grantee, permission: Permission): Grant {
  return { Grantee: grantee, Permission: permission };
}

/**
 * The grants a canned ACL stands for. `ownerAccount` owns the resource (the bucket, or the object's
 * writer); `bucketAccount` owns the bucket, for the object-only `bucket-owner-*` ACLs (on a bucket,
 * or when both are the same account, they are `private`). `aws-exec-read` is kept to the owner
 * grant: Nimbus has no EC2 account to grant to.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl
 */
export function grantsFromCannedAcl(acl: CannedAcl, ownerAccount: string, bucketAccount = ownerAccount): Grant[] {
  const owner = grant(user(ownerAccount), 'FULL_CONTROL');
  switch (acl) {
    case 'private':
    case 'aws-exec-read':
      return [owner];
    case 'public-read':
      return [owner, grant(group(GROUPS.AllUsers), 'READ')];
    case 'public-read-write':
      return [owner, grant(group(GROUPS.AllUsers), 'READ'), grant(group(GROUPS.AllUsers), 'WRITE')];
    case 'authenticated-read':
      return [owner, grant(group(GROUPS.AuthenticatedUsers), 'READ')];
    case 'bucket-owner-read':
      return bucketAccount === ownerAccount ? [owner] : [owner, grant(user(bucketAccount), 'READ')];
    case 'bucket-owner-full-control':
      return bucketAccount === ownerAccount ? [owner] : [owner, grant(user(bucketAccount), 'FULL_CONTROL')];
    case 'log-delivery-write':
      return [owner, grant(group(GROUPS.LogDelivery), 'WRITE'), grant(group(GROUPS.LogDelivery), 'READ_ACP')];
  }
}

/** The `x-amz-grant-*` headers as the generated inputs name them. */
export interface GrantHeaders {
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWrite?: string;
  GrantWriteACP?: string;
}

const HEADER_PERMISSIONS: readonly (readonly [keyof GrantHeaders, Permission, string])[] = [
  ['GrantRead', 'READ', 'x-amz-grant-read'],
  ['GrantWrite', 'WRITE', 'x-amz-grant-write'],
  ['GrantReadACP', 'READ_ACP', 'x-amz-grant-read-acp'],
  ['GrantWriteACP', 'WRITE_ACP', 'x-amz-grant-write-acp'],
  ['GrantFullControl', 'FULL_CONTROL', 'x-amz-grant-full-control'],
];

export function hasGrantHeaders(headers: GrantHeaders): boolean {
  return HEADER_PERMISSIONS.some(([name]) => headers[name] !== undefined);
}

/**
 * The grants a bucket request's `x-amz-acl` or `x-amz-grant-*` headers give, undefined when it
 * sends neither (CreateBucket, PutBucketAcl). Both at once is InvalidRequest; with
 * `withPolicyBody` (PutBucketAcl with an AccessControlPolicy too) either is UnexpectedContent.
 */
export function bucketGrantsFromHeaders(input: GrantHeaders & { ACL?: string }, ownerAccount: string, withPolicyBody = false): Grant[] | undefined {
  const canned = input.ACL;
  const headers = hasGrantHeaders(input);
  if (canned === undefined && !headers) return undefined;
  if (canned !== undefined && headers) throw ConfigErrors.cannedAndHeaderGrants();
  if (withPolicyBody) throw ConfigErrors.unexpectedContent();
  if (canned === undefined) return grantsFromHeaders(input);
  if (!isCannedAcl(canned)) throw S3Errors.invalidArgument('', 'x-amz-acl', canned);
  return grantsFromCannedAcl(canned, ownerAccount);
}

/**
 * The grants listed by `x-amz-grant-*` headers: each a comma-separated list of `id="…"`,
 * `uri="…"` or `emailAddress="…"` (quotes optional).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketAcl.html#API_PutBucketAcl_RequestSyntax
 */
export function grantsFromHeaders(headers: GrantHeaders): Grant[] {
  const out: Grant[] = [];
  for (const [name, permission, header] of HEADER_PERMISSIONS) {
    const value = headers[name];
    if (value === undefined) continue;
    for (const item of value.split(',')) {
      const m = /^\s*(id|uri|emailAddress)\s*=\s*"?([^"]*)"?\s*$/i.exec(item);
      if (!m) throw S3Errors.invalidArgument('Argument format not recognized', header, value);
      out.push(grant(granteeFromHeader(m[1]!.toLowerCase(), m[2]!), permission));
    }
  }
  return out;
}

function granteeFromHeader(type: string, value: string): Grantee {
  if (type === 'id') return checkedGrantee({ Type: 'CanonicalUser', ID: value });
  if (type === 'uri') return checkedGrantee({ Type: 'Group', URI: value });
  return checkedGrantee({ Type: 'AmazonCustomerByEmail', EmailAddress: value });
}

/** A grantee S3 accepts, reduced to the fields it stores; throws AWS's error otherwise. */
function checkedGrantee(g: Grantee): Grantee {
  switch (g.Type) {
    case 'CanonicalUser':
      if (!g.ID || !isCanonicalUserId(g.ID)) throw S3Errors.invalidArgument('Invalid id', 'CanonicalUser/ID', g.ID ?? '');
      return { Type: 'CanonicalUser', ID: g.ID };
    case 'Group':
      if (!g.URI || !GROUP_URIS.has(g.URI)) throw S3Errors.invalidArgument('Invalid group uri', 'Group/URI', g.URI ?? '');
      return { Type: 'Group', URI: g.URI };
    case 'AmazonCustomerByEmail':
      // Nimbus keeps no e-mail addresses for accounts, so none resolves.
      throw ConfigErrors.unresolvableEmail(g.EmailAddress ?? '');
    default:
      throw ConfigErrors.malformedAcl();
  }
}

/**
 * Checks an AccessControlPolicy body: an Owner that is the resource's owner, grants with a known
 * grantee and permission. Returns the policy as stored.
 */
export function validateAccessControlPolicy(policy: AccessControlPolicy, ownerAccount: string): AccessControlPolicy {
  if (!policy.Owner?.ID) throw ConfigErrors.malformedAcl();
  if (policy.Owner.ID !== canonicalUserId(ownerAccount)) throw S3Errors.accessDenied();
  const grants = (policy.Grants ?? []).map((g) => {
    if (!g.Grantee || !g.Permission || !PERMISSIONS.has(g.Permission)) throw ConfigErrors.malformedAcl();
    return grant(checkedGrantee(g.Grantee), g.Permission);
  });
  return { Owner: { ID: policy.Owner.ID }, Grants: grants };
}

/** The ACL every bucket starts with: the owner has FULL_CONTROL. */
export function defaultAcl(ownerAccount: string): AccessControlPolicy {
  return { Owner: { ID: canonicalUserId(ownerAccount) }, Grants: grantsFromCannedAcl('private', ownerAccount) };
}

/** True when the grants give access to everyone or every AWS account (Block Public Access's "public"). */
export function isPublicAcl(grants: readonly Grant[]): boolean {
  return grants.some((g) => g.Grantee?.Type === 'Group' && (g.Grantee.URI === GROUPS.AllUsers || g.Grantee.URI === GROUPS.AuthenticatedUsers));
}

/**
 * True when the grants are exactly "the owner has FULL_CONTROL": the only ACL a bucket with
 * ObjectOwnership BucketOwnerEnforced accepts (its ACLs are disabled).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
 */
export function isOwnerOnlyAcl(grants: readonly Grant[], ownerAccount: string): boolean {
  const id = canonicalUserId(ownerAccount);
  return grants.length > 0 && grants.every((g) => g.Permission === 'FULL_CONTROL' && g.Grantee?.Type === 'CanonicalUser' && g.Grantee.ID === id);
}
