import { checkWriteConditions, checkWriteConditionsForm, hasWriteConditions } from '../domain/conditions.js';
import { checksumOutput, uploadChecksOf } from '../domain/integrity.js';
import { checkKey } from '../domain/keys.js';
import { encryptionOutput } from '../domain/object-encryption.js';
import { checkStorageClass } from '../domain/storage-class.js';
import { visibleVersionId } from '../domain/versions.js';
import type { PutObjectOutput, PutObjectRequest } from '../generated/types.js';
import { commitObject, liveVersion } from './common/commit-object.js';
import { requireBucket, type Ctx } from './common/context.js';
import { newObjectSettings } from './common/new-object.js';
import { storeObjectBody } from './common/upload-body.js';

/**
 * Stores an object: the body streams into a new blob (hashed on the way: ETag, checksum), or, if
 * small, is collected to be kept in the version's row; then one transaction writes the version
 * under the bucket's versioning rules. Conditional writes
 * (If-None-Match: *, If-Match) are checked before the body is read and again at the commit.
 * A body that fails leaves nothing behind and the previous version intact.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
 */
export async function putObject(input: PutObjectRequest, ctx: Ctx): Promise<PutObjectOutput> {
  const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const key = input.Key;
  checkKey(key);
  const conditions = { IfMatch: input.IfMatch, IfNoneMatch: input.IfNoneMatch };
  checkWriteConditionsForm(conditions);
  const now = ctx.now();
  const storageClass = checkStorageClass(input.StorageClass);
  const { attributes, ownerAccountId } = newObjectSettings(ctx, bucket, input, now);
  // (Read the current version only when a condition needs it: most PUTs carry none.)
  if (hasWriteConditions(conditions)) checkWriteConditions(conditions, key, liveVersion(ctx.store.objects.current(bucket, key)));
  const body = await storeObjectBody(ctx, input.Body, uploadChecksOf(input));
  const { size, md5, checksum } = body.digests;
  const committed = await commitObject(
    ctx,
    bucket.name,
    key,
    { lastModified: ctx.now(), size, etag: md5.toString('hex'), storageClass, ownerAccountId, blobId: body.blobId, inlineBody: body.inlineBody, partsCount: undefined, checksum, attributes },
    { conditions, newBlobs: body.blobId === undefined ? [] : [body.blobId] },
  );
  return {
    ETag: `"${committed.record.etag}"`,
    VersionId: visibleVersionId(committed.bucket.versioning, committed.record.versionId),
    ...encryptionOutput(attributes),
    ...checksumOutput(checksum),
  };
}
