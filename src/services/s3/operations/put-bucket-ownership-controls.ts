import { isOwnerOnlyAcl } from '../domain/bucket-acl.js';
import { ConfigErrors } from '../domain/errors-config.js';
import { validateOwnershipControls } from '../domain/ownership.js';
import type { AccessControlPolicy, PutBucketOwnershipControlsRequest } from '../generated/types.js';
import { putConfig, type Ctx } from './config-bucket.js';

/**
 * Sets the bucket's Object Ownership. Turning on BucketOwnerEnforced (disabling ACLs) is refused
 * while the bucket's ACL grants anyone but the owner, as in AWS.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketOwnershipControls.html
 */
export function putBucketOwnershipControls(input: PutBucketOwnershipControlsRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putConfig(ctx, input, 'ownership-controls', (bucket) => {
    const controls = validateOwnershipControls(input.OwnershipControls);
    if (controls.Rules[0]!.ObjectOwnership === 'BucketOwnerEnforced') {
      const acl = ctx.store.configs.get<AccessControlPolicy>(bucket, 'acl');
      if (acl && !isOwnerOnlyAcl(acl.Grants ?? [], bucket.accountId)) throw ConfigErrors.aclWithEnforcedOwnership();
    }
    return controls;
  });
}
