import { CoreErrors } from '../domain/errors-core.js';
import { checksumTypeAllowed, defaultChecksumType, requestedAlgorithm, type ChecksumAlgorithm, type ChecksumType } from '../domain/integrity.js';
import { checkKey } from '../domain/keys.js';
import { newUploadId } from '../domain/multipart.js';
import { encryptionOutput } from '../domain/object-encryption.js';
import { checkStorageClass } from '../domain/storage-class.js';
import type { CreateMultipartUploadOutput, CreateMultipartUploadRequest } from '../generated/types.js';
import { requireBucket, type Ctx } from './common/context.js';
import { newObjectSettings } from './common/new-object.js';
import { initiatorId } from './common/uploads.js';

/**
 * Starts a multipart upload. The object's headers, metadata, tags, ACL, encryption and lock
 * settings are fixed now and given to the object on completion; so is the checksum algorithm
 * parts must use, and how their checksums combine (ChecksumType).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateMultipartUpload.html
 */
export async function createMultipartUpload(input: CreateMultipartUploadRequest, ctx: Ctx): Promise<CreateMultipartUploadOutput> {
  const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  checkKey(input.Key);
  const now = ctx.now();
  const storageClass = checkStorageClass(input.StorageClass);
  let algorithm: ChecksumAlgorithm | undefined;
  let type: ChecksumType | undefined;
  if (input.ChecksumAlgorithm !== undefined) {
    algorithm = requestedAlgorithm(input.ChecksumAlgorithm);
    type = input.ChecksumType ?? defaultChecksumType(algorithm);
    if (!checksumTypeAllowed(algorithm, type)) throw CoreErrors.checksumTypeNotAllowed(type, algorithm);
  } else if (input.ChecksumType !== undefined) {
    throw CoreErrors.checksumTypeWithoutAlgorithm();
  }
  const { attributes, ownerAccountId } = newObjectSettings(ctx, bucket, input, now);
  const upload = await ctx.store.transaction(() =>
    ctx.store.uploads.create({
      uploadId: newUploadId(),
      bucketId: bucket.id,
      key: input.Key,
      initiated: now,
      ownerAccountId,
      initiatorArn: initiatorId(ctx),
      storageClass,
      checksumAlgorithm: algorithm,
      checksumType: type,
      attributes,
    }),
  );
  return {
    Bucket: bucket.name,
    Key: input.Key,
    UploadId: upload.uploadId,
    ...encryptionOutput(attributes),
    ChecksumAlgorithm: algorithm,
    ChecksumType: type,
  };
}
