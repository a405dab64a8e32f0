/**
 * The permissions one S3 request needs, each with the bucket's owner and the resource-based
 * policies that apply to it — the bucket policy and the bucket and object ACLs — as the gateway's
 * authorize step evaluates them (OperationAuthorization.access).
 *
 * How S3 decides, and how Nimbus follows it:
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/how-s3-evaluates-access-control.html
 * - No such bucket: no check; the handler answers NoSuchBucket (AWS answers 404 whatever the
 *   caller's permissions).
 * - The bucket owner's root: nothing to evaluate unless the bucket policy has a Deny (an explicit
 *   Deny binds the root too). GetBucketPolicy, PutBucketPolicy and DeleteBucketPolicy are never
 *   denied to it, so a policy cannot lock the owner out for good, as AWS guarantees:
 *   https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html
 * - Everyone else: the bucket policy and the ACLs (unless ObjectOwnership is BucketOwnerEnforced),
 *   with Block Public Access applied: IgnorePublicAcls drops ACL grants to AllUsers and
 *   AuthenticatedUsers; RestrictPublicBuckets leaves a public policy only its Deny statements for
 *   callers outside the owner's account.
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
 * - The resource account is the bucket owner's, so another account's callers need both their own
 *   policies and the bucket's to allow.
 */
import type { AttachedPolicy } from '../../../../iam/index.js';
import type { AccessCheck, AuthorizationScope } from '../../../service.js';
import type { S3Store } from '../../store.js';
import { aclGrantsFor, isPublicAclSummary, summarizeAcl, type AclSummary } from './acl-grants.js';
import { bucketAccess, type BucketAccess } from './bucket-access.js';

const NONE: readonly AccessCheck[] = Object.freeze([]);

/** What the bucket owner's root may always do, whatever the bucket policy says. */
const ROOT_ALWAYS = new Set(['s3:GetBucketPolicy', 's3:PutBucketPolicy', 's3:DeleteBucketPolicy']);

export function bucketArn(bucket: string): string {
  return `arn:aws:s3:::${bucket}`;
}

export function objectArn(bucket: string, key: string): string {
  return `arn:aws:s3:::${bucket}/${key}`;
}

/** The checks for bucket-level actions (`arn:aws:s3:::bucket`). */
export function bucketChecks(store: S3Store, scope: AuthorizationScope, bucket: string, actions: readonly string[]): readonly AccessCheck[] {
  const access = bucketAccess(store, bucket);
  if (!access) return NONE;
  const policy = policyFor(access, scope, actions);
  if (policy === SKIP) return NONE;
  const grants = grantsFor(access, scope, undefined);
  const resource = bucketArn(bucket);
  return actions.map((action) => ({ action, resource, account: access.owner, policy, grants }));
}

/** One object the request acts on; `versionId` selects a version's ACL. */
export interface ObjectTarget {
  readonly key: string;
  readonly versionId?: string;
}

/** The checks for object-level actions (`arn:aws:s3:::bucket/key`), every action on every object. */
export function objectChecks(store: S3Store, scope: AuthorizationScope, bucket: string, actions: readonly string[], objects: readonly ObjectTarget[]): readonly AccessCheck[] {
  const checker = objectChecker(store, scope, bucket, actions);
  if (!checker) return NONE;
  if (objects.length === 1) return checker(objects[0]!);
  const out: AccessCheck[] = [];
  for (const target of objects) out.push(...checker(target));
  return out;
}

/** Builds one object's checks; the bucket's facts are looked up once for all its objects. */
export type ObjectChecker = (target: ObjectTarget) => readonly AccessCheck[];

/**
 * The checks `actions` need on any one object of `bucket`, for requests that authorize objects
 * one by one (DeleteObjects); undefined when nothing could deny them (no such bucket, or its
 * owner's root with no Deny in the bucket policy).
 */
export function objectChecker(store: S3Store, scope: AuthorizationScope, bucket: string, actions: readonly string[]): ObjectChecker | undefined {
  const access = bucketAccess(store, bucket);
  if (!access) return undefined;
  const policy = policyFor(access, scope, actions);
  if (policy === SKIP) return undefined;
  return (target) => {
    const grants = grantsFor(access, scope, target);
    const resource = objectArn(bucket, target.key);
    return actions.map((action) => ({ action, resource, account: access.owner, policy, grants }));
  };
}

const SKIP = Symbol('skip');

/** The bucket policy as it applies to this caller, or SKIP when nothing could deny the request. */
function policyFor(access: BucketAccess, scope: AuthorizationScope, actions: readonly string[]): AttachedPolicy | undefined | typeof SKIP {
  const caller = scope.caller;
  const policy = access.policy;
  if (caller.type === 'root' && caller.accountId === access.owner) {
    if (!policy?.hasDeny || actions.every((a) => ROOT_ALWAYS.has(a))) return SKIP;
    return policy.attached;
  }
  if (!policy) return undefined;
  const insider = caller.type !== 'anonymous' && caller.accountId === access.owner;
  if (!insider && policy.isPublic && access.publicAccessBlock.RestrictPublicBuckets) return policy.denyOnly();
  return policy.attached;
}

/** The bucket ACL's (and, for an object, the object ACL's) grants that can matter to this caller. */
function grantsFor(access: BucketAccess, scope: AuthorizationScope, target: ObjectTarget | undefined): readonly AttachedPolicy[] | undefined {
  const caller = scope.caller;
  if (caller.type === 'root' && caller.accountId === access.owner) return undefined;
  if (!access.aclsEnabled) return undefined;
  const callerAccount = caller.type === 'anonymous' ? undefined : caller.accountId;
  const bucketGrants = grantsOf(access, 'bucket', access.acl, callerAccount);
  const objectGrants = target ? grantsOf(access, 'object', objectAcl(access, target), callerAccount) : undefined;
  if (bucketGrants && objectGrants) return [bucketGrants, objectGrants];
  if (bucketGrants) return [bucketGrants];
  return objectGrants ? [objectGrants] : undefined;
}

function grantsOf(access: BucketAccess, target: 'bucket' | 'object', acl: AclSummary, callerAccount: string | undefined): AttachedPolicy | undefined {
  if (acl.accounts.size === 0 && !isPublicAclSummary(acl)) return undefined;
  const ignorePublic = isPublicAclSummary(acl) && access.publicAccessBlock.IgnorePublicAcls;
  return aclGrantsFor(target, acl, access.owner, callerAccount, ignorePublic);
}

/** The ACL of the object version the request names (none: the object does not exist yet). */
function objectAcl(access: BucketAccess, target: ObjectTarget): AclSummary {
  const objects = access.store.objects;
  const record = target.versionId === undefined ? objects.current(access.bucket, target.key) : objects.version(access.bucket, target.key, target.versionId);
  return summarizeAcl(record?.deleteMarker ? undefined : record?.attributes.acl);
}
