import { defaultAcl } from '../domain/bucket-acl.js';
import { objectOwnership } from '../domain/ownership.js';
import type { GetObjectAclOutput, GetObjectAclRequest, OwnershipControls } from '../generated/types.js';
import type { Ctx } from './common/context.js';
import { readSubject } from './object-subresource.js';

/**
 * An object version's ACL: the one set when it was written or by PutObjectAcl, else the default
 * (its owner has FULL_CONTROL). With ObjectOwnership BucketOwnerEnforced, ACLs are disabled and S3
 * answers the bucket owner as owner with FULL_CONTROL, whatever was stored before.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectAcl.html
 */
export function getObjectAcl(input: GetObjectAclRequest, ctx: Ctx): GetObjectAclOutput {
  const { bucket, record } = readSubject(ctx, input, 'GET', 'no-such-key');
  if (objectOwnership(ctx.store.configs.get<OwnershipControls>(bucket, 'ownership-controls')) === 'BucketOwnerEnforced') {
    const acl = defaultAcl(bucket.accountId);
    return { Owner: acl.Owner, Grants: acl.Grants };
  }
  const acl = record.attributes.acl ?? defaultAcl(record.ownerAccountId);
  return { Owner: acl.Owner, Grants: acl.Grants };
}
