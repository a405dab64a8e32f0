/**
 * Object ACLs from request headers: a canned ACL (`x-amz-acl`) or explicit grants
 * (`x-amz-grant-read: id="…", uri="…", emailAddress="…"`), turned into the AccessControlPolicy S3
 * returns from GetObjectAcl. A version with no ACL stored has the default: its owner has
 * FULL_CONTROL.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl
 * With ObjectOwnership BucketOwnerEnforced, ACLs are disabled: only `bucket-owner-full-control`
 * (or no ACL) is accepted.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-ownership-error-responses.html
 */
import type { AccessControlPolicy, Grant, Grantee, ObjectCannedACL, ObjectOwnership, Permission } from '../generated/types.js';
import { CoreErrors } from './errors-core.js';
import { S3Errors } from './errors.js';
import { canonicalUserId, ownerOf } from './owners.js';

export const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
export const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

const CANNED: readonly ObjectCannedACL[] = ['private', 'public-read', 'public-read-write', 'authenticated-read', 'aws-exec-read', 'bucket-owner-read', 'bucket-owner-full-control'];

export interface AclHeaders {
  ACL?: string;
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWriteACP?: string;
}

function userGrant(accountId: string, permission: Permission): Grant {
  return { Grantee: { Type: 'CanonicalUser', ID: canonicalUserId(accountId) }, Permission: permission };
}

function groupGrant(uri: string, permission: Permission): Grant {
  return { Grantee: { Type: 'Group', URI: uri }, Permission: permission };
}

/** The ACL every object has unless one was set: the owner has FULL_CONTROL. */
export function defaultAcl(ownerAccountId: string): AccessControlPolicy {
  return { Owner: ownerOf(ownerAccountId), Grants: [userGrant(ownerAccountId, 'FULL_CONTROL')] };
}

export function cannedAcl(canned: ObjectCannedACL, ownerAccountId: string, bucketOwnerAccountId: string): AccessControlPolicy {
  const grants = [userGrant(ownerAccountId, 'FULL_CONTROL')];
  switch (canned) {
    case 'public-read':
      grants.push(groupGrant(ALL_USERS, 'READ'));
      break;
    case 'public-read-write':
      grants.push(groupGrant(ALL_USERS, 'READ'), groupGrant(ALL_USERS, 'WRITE'));
      break;
    case 'authenticated-read':
      grants.push(groupGrant(AUTHENTICATED_USERS, 'READ'));
      break;
    case 'bucket-owner-read':
      if (bucketOwnerAccountId !== ownerAccountId) grants.push(userGrant(bucketOwnerAccountId, 'READ'));
      break;
    case 'bucket-owner-full-control':
      if (bucketOwnerAccountId !== ownerAccountId) grants.push(userGrant(bucketOwnerAccountId, 'FULL_CONTROL'));
      break;
    default:
      break;
  }
  return { Owner: ownerOf(ownerAccountId), Grants: grants };
}

/** Parses one `x-amz-grant-*` header: `id="…", uri="…", emailAddress="…"` items, comma-separated. */
function parseGrantees(header: string): Grantee[] {
  const out: Grantee[] = [];
  const item = /\s*(id|uri|emailAddress)\s*=\s*"([^"]*)"\s*(,|$)/iy;
  let pos = 0;
  while (pos < header.length) {
    item.lastIndex = pos;
    const m = item.exec(header);
    if (!m || m[0].length === 0) throw S3Errors.invalidArgument('Invalid grant header', 'x-amz-grant', header);
    const kind = m[1]!.toLowerCase();
    const value = m[2]!;
    if (kind === 'id') out.push({ Type: 'CanonicalUser', ID: value });
    else if (kind === 'uri') out.push({ Type: 'Group', URI: value });
    else out.push({ Type: 'AmazonCustomerByEmail', EmailAddress: value });
    pos = item.lastIndex;
  }
  return out;
}

/**
 * The ACL a write's headers ask for, or undefined when they set none. Throws
 * AccessControlListNotSupported when the bucket has ACLs disabled, InvalidRequest when a canned
 * ACL and grants are both given.
 */
export function aclFromHeaders(h: AclHeaders, ownerAccountId: string, bucketOwnerAccountId: string, ownership: ObjectOwnership): AccessControlPolicy | undefined {
  const grantHeaders: [string | undefined, Permission][] = [
    [h.GrantFullControl, 'FULL_CONTROL'],
    [h.GrantRead, 'READ'],
    [h.GrantReadACP, 'READ_ACP'],
    [h.GrantWriteACP, 'WRITE_ACP'],
  ];
  const hasGrants = grantHeaders.some(([v]) => v !== undefined);
  if (h.ACL === undefined && !hasGrants) return undefined;
  if (h.ACL !== undefined && hasGrants) throw S3Errors.invalidRequest('Specifying both Canned ACLs and Header Grants is not allowed');
  if (h.ACL !== undefined) {
    if (!CANNED.includes(h.ACL as ObjectCannedACL)) throw S3Errors.invalidArgument('', 'x-amz-acl', h.ACL);
    if (ownership === 'BucketOwnerEnforced' && h.ACL !== 'bucket-owner-full-control') throw CoreErrors.aclNotSupported();
    return cannedAcl(h.ACL as ObjectCannedACL, ownerAccountId, bucketOwnerAccountId);
  }
  const grants: Grant[] = [];
  for (const [header, permission] of grantHeaders) {
    if (header === undefined) continue;
    for (const grantee of parseGrantees(header)) grants.push({ Grantee: grantee, Permission: permission });
  }
  if (ownership === 'BucketOwnerEnforced') {
    const bucketOwnerId = canonicalUserId(bucketOwnerAccountId);
    const onlyBucketOwnerFull = grants.every((g) => g.Permission === 'FULL_CONTROL' && g.Grantee?.ID === bucketOwnerId);
    if (!onlyBucketOwnerFull) throw CoreErrors.aclNotSupported();
  }
  return { Owner: ownerOf(ownerAccountId), Grants: grants };
}
