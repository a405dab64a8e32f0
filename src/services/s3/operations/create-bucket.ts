import { bucketGrantsFromHeaders, isOwnerOnlyAcl, isPublicAcl } from '../domain/bucket-acl.js';
import { isValidBucketName } from '../domain/bucket-names.js';
import { ConfigErrors } from '../domain/errors-config.js';
import { S3Errors } from '../domain/errors.js';
import { ownerOf } from '../domain/owners.js';
import { aclsDisabled, defaultOwnershipControls } from '../domain/ownership.js';
import { bucketRegion } from '../domain/regions.js';
import type { AccessControlPolicy, CreateBucketOutput, CreateBucketRequest, OwnershipControls } from '../generated/types.js';
import type { Ctx } from './common/context.js';

/**
 * Creates a bucket. Names are global across accounts: another account's name is
 * BucketAlreadyExists; the caller's own is BucketAlreadyOwnedByYou, except in us-east-1 where,
 * for legacy compatibility, AWS answers 200 OK.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html
 * ObjectOwnership is kept as the bucket's ownership controls (BucketOwnerEnforced by default, as
 * AWS does since April 2023); ACL headers are checked against it and kept (creationAcl).
 */
export async function createBucket(input: CreateBucketRequest, ctx: Ctx): Promise<CreateBucketOutput> {
  const name = input.Bucket;
  if (!isValidBucketName(name)) throw S3Errors.invalidBucketName(name);
  const region = bucketRegion(input.CreateBucketConfiguration?.LocationConstraint, ctx.region);
  const ownership = input.ObjectOwnership ? { Rules: [{ ObjectOwnership: input.ObjectOwnership }] } : defaultOwnershipControls();
  const acl = creationAcl(input, ctx.accountId, ownership);
  const now = ctx.now();
  return ctx.store.transaction(() => {
    const store = ctx.store;
    const existing = store.buckets.get(name);
    if (existing) {
      if (existing.accountId !== ctx.accountId) throw S3Errors.bucketAlreadyExists(name);
      if (existing.region === 'us-east-1' && region === 'us-east-1') return { Location: `/${name}` };
      throw S3Errors.bucketAlreadyOwnedByYou(name);
    }
    const locked = input.ObjectLockEnabledForBucket === true;
    const bucket = store.buckets.insert({
      name,
      accountId: ctx.accountId,
      region,
      createdAt: now,
      versioning: locked ? 'Enabled' : undefined,
      mfaDelete: undefined,
      objectLockEnabled: locked,
    });
    store.configs.put(bucket, 'ownership-controls', ownership);
    // New buckets block public access, as AWS's have since April 2023 (a user opens them with
    // PutPublicAccessBlock / DeletePublicAccessBlock).
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/create-bucket-faq.html
    store.configs.put(bucket, 'public-access-block', { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    if (locked) store.configs.put(bucket, 'object-lock', { ObjectLockEnabled: 'Enabled' });
    if (acl) store.configs.put(bucket, 'acl', acl);
    return { Location: `/${name}` };
  });
}

/**
 * The ACL a CreateBucket sets with `x-amz-acl` or `x-amz-grant-*` (undefined: none, or one that
 * gives the owner alone full control, which is every bucket's default). Since April 2023 a new
 * bucket has ACLs disabled (BucketOwnerEnforced) unless the request names another ObjectOwnership,
 * and blocks public access, so any other ACL is refused with ObjectOwnership left at its default,
 * and a public one whatever it is; the checks come before the name's availability.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-ownership-error-responses.html
 */
function creationAcl(input: CreateBucketRequest, accountId: string, ownership: OwnershipControls): AccessControlPolicy | undefined {
  const grants = bucketGrantsFromHeaders(input, accountId);
  if (!grants || isOwnerOnlyAcl(grants, accountId)) return undefined;
  if (aclsDisabled(ownership)) throw ConfigErrors.bucketAclWithObjectOwnership();
  if (isPublicAcl(grants)) throw ConfigErrors.publicBucketAclWithBlockPublicAccess();
  return { Owner: ownerOf(accountId), Grants: grants };
}
