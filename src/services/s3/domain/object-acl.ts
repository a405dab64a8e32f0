/**
 * Object ACLs from a write's headers (PutObject, CreateMultipartUpload, CopyObject): a canned ACL
 * (`x-amz-acl`) or `x-amz-grant-*` headers, turned into the AccessControlPolicy GetObjectAcl
 * answers, with the grant rules of domain/bucket-acl.ts. A version with no ACL stored has the
 * default, `objectAcl(record)`: its owner has FULL_CONTROL.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl
 * With ObjectOwnership BucketOwnerEnforced, ACLs are disabled: only `bucket-owner-full-control`
 * (or grants equivalent to it, or no ACL) is accepted.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-ownership-error-responses.html
 */
import type { AccessControlPolicy, ObjectOwnership } from '../generated/types.js';
import type { ObjectRecord } from '../store/object-records.js';
import { defaultAcl, grantsFromCannedAcl, grantsFromHeaders, hasGrantHeaders, isCannedAcl, isOwnerOnlyAcl } from './bucket-acl.js';
import { CoreErrors } from './errors-core.js';
import { S3Errors } from './errors.js';
import { ownerOf } from './owners.js';

export interface AclHeaders {
  ACL?: string;
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWriteACP?: string;
}

/** The ACL of an object version: the stored one, else the default (owner FULL_CONTROL). */
export function objectAcl(record: ObjectRecord): AccessControlPolicy {
  return record.attributes.acl ?? defaultAcl(record.ownerAccountId);
}

/**
 * The ACL a write's headers ask for, or undefined when they set none. Throws
 * AccessControlListNotSupported when the bucket has ACLs disabled, InvalidRequest when a canned
 * ACL and grants are both given.
 */
export function aclFromHeaders(h: AclHeaders, ownerAccountId: string, bucketOwnerAccountId: string, ownership: ObjectOwnership): AccessControlPolicy | undefined {
  const grants = hasGrantHeaders(h);
  if (h.ACL === undefined && !grants) return undefined;
  if (h.ACL !== undefined && grants) throw S3Errors.invalidRequest('Specifying both Canned ACLs and Header Grants is not allowed');
  if (h.ACL !== undefined) {
    // `log-delivery-write` is a bucket ACL only.
    if (!isCannedAcl(h.ACL) || h.ACL === 'log-delivery-write') throw S3Errors.invalidArgument('', 'x-amz-acl', h.ACL);
    if (ownership === 'BucketOwnerEnforced' && h.ACL !== 'bucket-owner-full-control') throw CoreErrors.aclNotSupported();
    return { Owner: ownerOf(ownerAccountId), Grants: grantsFromCannedAcl(h.ACL, ownerAccountId, bucketOwnerAccountId) };
  }
  const list = grantsFromHeaders(h);
  if (ownership === 'BucketOwnerEnforced' && !isOwnerOnlyAcl(list, bucketOwnerAccountId)) throw CoreErrors.aclNotSupported();
  return { Owner: ownerOf(ownerAccountId), Grants: list };
}
