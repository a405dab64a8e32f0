/**
 * Block Public Access's BlockPublicAcls, for the writes that set an ACL: with it on, PutObject,
 * CreateMultipartUpload and CopyObject with a public ACL (canned or granted), PutObjectAcl and
 * PutBucketAcl with a public ACL are refused with AccessDenied; ACLs already set stay as they are
 * (IgnorePublicAcls is what neutralises those, in checks.ts).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PublicAccessBlockConfiguration.html
 *
 * An ACL is public when it grants anything to the AllUsers or AuthenticatedUsers group
 * (bucket-acl.ts isPublicAcl).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 *
 * Handlers call `refusePublicAcl` with the ACL they are about to store; it is not part of the
 * authorize step because Block Public Access applies whatever `--iam` says.
 */
import type { AccessControlPolicy } from '../../generated/types.js';
import type { S3Store } from '../../store.js';
import type { Bucket } from '../../store/buckets.js';
import { S3Errors } from '../errors.js';
import { effectivePublicAccessBlock, type PublicAccessBlock } from '../public-access-block.js';
import { isPublicAcl } from '../bucket-acl.js';

/**
 * Throws AccessDenied when `acl` (what the write would store; undefined: none) is public and the
 * bucket's BlockPublicAcls setting is on.
 */
export function refusePublicAcl(store: S3Store, bucket: Bucket, acl: AccessControlPolicy | undefined): void {
  if (!acl?.Grants || !isPublicAcl(acl.Grants)) return;
  // Read afresh, not from the authorization cache: handlers run inside a write transaction, where
  // an earlier write of the same batch may have just changed the setting.
  const block = effectivePublicAccessBlock(store.configs.get<PublicAccessBlock>(bucket, 'public-access-block'));
  if (block.BlockPublicAcls) throw S3Errors.accessDenied();
}
