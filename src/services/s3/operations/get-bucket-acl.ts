import { defaultAcl } from '../domain/bucket-acl.js';
import type { AccessControlPolicy, GetBucketAclOutput, GetBucketAclRequest } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';

/**
 * The bucket's ACL: the one last put, else the default (the owner has FULL_CONTROL). Reading an
 * ACL works even when ACLs are disabled, as in AWS.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketAcl.html
 */
export function getBucketAcl(input: GetBucketAclRequest, ctx: Ctx): GetBucketAclOutput {
  const { bucket, config } = readConfig<AccessControlPolicy>(ctx, input, 'acl');
  const acl = config ?? defaultAcl(bucket.accountId);
  return { Owner: acl.Owner, Grants: acl.Grants };
}
