import { grantsFromCannedAcl, grantsFromHeaders, hasGrantHeaders, isOwnerOnlyAcl, isPublicAcl, validateAccessControlPolicy, type CannedAcl } from '../domain/bucket-acl.js';
import { ConfigErrors } from '../domain/errors-config.js';
import { S3Errors } from '../domain/errors.js';
import { ownerOf } from '../domain/owners.js';
import { objectOwnership } from '../domain/ownership.js';
import { effectivePublicAccessBlock, type PublicAccessBlock } from '../domain/public-access-block.js';
import type { AccessControlPolicy, ObjectCannedACL, OwnershipControls, PutObjectAclOutput, PutObjectAclRequest } from '../generated/types.js';
import type { Bucket } from '../store/buckets.js';
import type { Ctx } from './common/context.js';
import { updateSubject } from './object-subresource.js';

const OBJECT_CANNED_ACLS: ReadonlySet<string> = new Set<ObjectCannedACL>([
  'private', 'public-read', 'public-read-write', 'authenticated-read', 'aws-exec-read', 'bucket-owner-read', 'bucket-owner-full-control',
]);

/**
 * Sets an object version's ACL from exactly one of: a canned ACL (`x-amz-acl`), `x-amz-grant-*`
 * headers, or an AccessControlPolicy body whose Owner is the object's owner. With the bucket's
 * ObjectOwnership BucketOwnerEnforced, ACLs are disabled: only an ACL that gives the bucket owner
 * FULL_CONTROL and nobody else anything (`bucket-owner-full-control`, `private` or their XML) is
 * accepted, else AccessControlListNotSupported. With Block Public Access's BlockPublicAcls, an
 * ACL granting AllUsers or AuthenticatedUsers is AccessDenied.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectAcl.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-ownership-error-responses.html
 */
export async function putObjectAcl(input: PutObjectAclRequest, ctx: Ctx): Promise<PutObjectAclOutput> {
  checkAclForm(input);
  await updateSubject(ctx, input, 'PUT', 'no-such-key', (record, bucket) => {
    const enforced = objectOwnership(ctx.store.configs.get<OwnershipControls>(bucket, 'ownership-controls')) === 'BucketOwnerEnforced';
    // With ACLs disabled the bucket owner owns every object, whoever wrote it.
    const owner = enforced ? bucket.accountId : record.ownerAccountId;
    const acl = requestedAcl(input, owner, bucket);
    const grants = acl.Grants ?? [];
    if (enforced && !isOwnerOnlyAcl(grants, bucket.accountId)) throw ConfigErrors.aclNotSupported();
    const block = effectivePublicAccessBlock(ctx.store.configs.get<PublicAccessBlock>(bucket, 'public-access-block'));
    if (block.BlockPublicAcls && isPublicAcl(grants)) throw S3Errors.accessDenied();
    return { acl };
  });
  return {};
}

/** The checks that need no object: exactly one way of giving the ACL. */
function checkAclForm(input: PutObjectAclRequest): void {
  const canned = input.ACL as string | undefined;
  const headers = hasGrantHeaders(input);
  if (canned !== undefined && headers) throw ConfigErrors.cannedAndHeaderGrants();
  if ((canned !== undefined || headers) && input.AccessControlPolicy) throw ConfigErrors.unexpectedContent();
  if (canned === undefined && !headers && !input.AccessControlPolicy) throw ConfigErrors.missingAclHeader();
  if (canned !== undefined && !OBJECT_CANNED_ACLS.has(canned)) throw S3Errors.invalidArgument('', 'x-amz-acl', canned);
}

function requestedAcl(input: PutObjectAclRequest, owner: string, bucket: Bucket): AccessControlPolicy {
  if (input.ACL !== undefined) return { Owner: ownerOf(owner), Grants: grantsFromCannedAcl(input.ACL as CannedAcl, owner, bucket.accountId) };
  if (hasGrantHeaders(input)) return { Owner: ownerOf(owner), Grants: grantsFromHeaders(input) };
  return validateAccessControlPolicy(input.AccessControlPolicy!, owner);
}
