import { bucketGrantsFromHeaders, isOwnerOnlyAcl, isPublicAcl, validateAccessControlPolicy } from '../domain/bucket-acl.js';
import { ConfigErrors } from '../domain/errors-config.js';
import { S3Errors } from '../domain/errors.js';
import { ownerOf } from '../domain/owners.js';
import { aclsDisabled } from '../domain/ownership.js';
import { effectivePublicAccessBlock, type PublicAccessBlock } from '../domain/public-access-block.js';
import type { AccessControlPolicy, OwnershipControls, PutBucketAclRequest } from '../generated/types.js';
import type { Bucket } from '../store/buckets.js';
import { putConfig, type Ctx } from './config-bucket.js';

/**
 * Sets the bucket's ACL from exactly one of: a canned ACL (`x-amz-acl`), `x-amz-grant-*`
 * headers, or an AccessControlPolicy body. With ObjectOwnership BucketOwnerEnforced only an ACL
 * that gives the owner FULL_CONTROL and nobody anything is accepted (private,
 * bucket-owner-full-control or its XML equivalent); with BlockPublicAcls a public ACL is refused.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketAcl.html
 */
export function putBucketAcl(input: PutBucketAclRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putConfig(ctx, input, 'acl', (bucket) => {
    const acl = requestedAcl(input, bucket);
    const grants = acl.Grants ?? [];
    if (aclsDisabled(ctx.store.configs.get<OwnershipControls>(bucket, 'ownership-controls')) && !isOwnerOnlyAcl(grants, bucket.accountId)) {
      throw ConfigErrors.aclNotSupported();
    }
    const block = effectivePublicAccessBlock(ctx.store.configs.get<PublicAccessBlock>(bucket, 'public-access-block'));
    if (block.BlockPublicAcls && isPublicAcl(grants)) throw S3Errors.accessDenied();
    return acl;
  });
}

function requestedAcl(input: PutBucketAclRequest, bucket: Bucket): AccessControlPolicy {
  const grants = bucketGrantsFromHeaders(input, bucket.accountId, input.AccessControlPolicy !== undefined);
  if (grants) return { Owner: ownerOf(bucket.accountId), Grants: grants };
  if (input.AccessControlPolicy) return validateAccessControlPolicy(input.AccessControlPolicy, bucket.accountId);
  throw ConfigErrors.missingAclHeader();
}
