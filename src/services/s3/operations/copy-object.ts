import { checkWriteConditions, checkWriteConditionsForm } from '../domain/conditions.js';
import { CoreErrors } from '../domain/errors-core.js';
import { checksumOutput, requestedAlgorithm } from '../domain/integrity.js';
import { checkKey } from '../domain/keys.js';
import { encryptionOutput } from '../domain/object-encryption.js';
import { checkStorageClass } from '../domain/storage-class.js';
import { parseTaggingHeader } from '../domain/tags.js';
import { visibleVersionId } from '../domain/versions.js';
import type { CopyObjectOutput, CopyObjectRequest } from '../generated/types.js';
import type { ObjectAttributes, ObjectRecord } from '../store/object-records.js';
import { commitObject, liveVersion } from './common/commit-object.js';
import { requireBucket, type Ctx } from './common/context.js';
import { copyBytes, readCopySource } from './common/copy-source.js';
import { contentAttributes, newObjectSettings } from './common/new-object.js';
import { MAX_UPLOAD_BYTES } from './common/upload-body.js';

const CONTENT_KEYS = ['ContentType', 'ContentEncoding', 'ContentDisposition', 'ContentLanguage', 'CacheControl', 'Expires', 'WebsiteRedirectLocation', 'Metadata'] as const;

/** The content headers and metadata a COPY directive carries over from the source. */
function copiedContent(a: ObjectAttributes): ObjectAttributes {
  const out: ObjectAttributes = {};
  for (const k of CONTENT_KEYS) if (a[k] !== undefined) (out as Record<string, unknown>)[k] = a[k];
  return out;
}

/** Attributes without content headers and tags (which the directives decide). */
function withoutContentAndTags(a: ObjectAttributes): ObjectAttributes {
  const out: ObjectAttributes = { ...a };
  for (const k of CONTENT_KEYS) delete out[k];
  delete out.tags;
  return out;
}

/**
 * Copying an object onto itself must change something S3 keeps: metadata (REPLACE), storage
 * class, website redirect or encryption; otherwise it is InvalidRequest.
 */
function isNoOpSelfCopy(input: CopyObjectRequest, source: ObjectRecord, bucketName: string, sourceBucket: string): boolean {
  if (bucketName !== sourceBucket || input.Key !== source.key || !source.isLatest) return false;
  return (
    input.MetadataDirective !== 'REPLACE' &&
    input.StorageClass === undefined &&
    input.WebsiteRedirectLocation === undefined &&
    input.ServerSideEncryption === undefined &&
    input.SSEKMSKeyId === undefined &&
    input.SSECustomerAlgorithm === undefined
  );
}

/**
 * Copies an object (up to 5 GB) into a new object: bytes, and with MetadataDirective COPY (the
 * default) its content headers and metadata; TaggingDirective COPY (the default) copies its tags.
 * Storage class, ACL, encryption and Object Lock come from this request, as in S3.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
 */
export async function copyObject(input: CopyObjectRequest, ctx: Ctx): Promise<CopyObjectOutput> {
  const bucket = requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  checkKey(input.Key);
  const conditions = { IfMatch: input.IfMatch, IfNoneMatch: input.IfNoneMatch };
  checkWriteConditionsForm(conditions);
  if (input.MetadataDirective !== undefined && input.MetadataDirective !== 'COPY' && input.MetadataDirective !== 'REPLACE') {
    throw CoreErrors.unknownDirective('x-amz-metadata-directive', input.MetadataDirective);
  }
  if (input.TaggingDirective !== undefined && input.TaggingDirective !== 'COPY' && input.TaggingDirective !== 'REPLACE') {
    throw CoreErrors.unknownDirective('x-amz-tagging-directive', input.TaggingDirective);
  }
  const source = readCopySource(ctx, input);
  const src = source.record;
  if (isNoOpSelfCopy(input, src, bucket.name, source.bucket.name)) throw CoreErrors.copyToItself();
  if (src.size > MAX_UPLOAD_BYTES) throw CoreErrors.copySourceTooLarge(MAX_UPLOAD_BYTES);
  const now = ctx.now();
  const storageClass = checkStorageClass(input.StorageClass);
  const replace = input.MetadataDirective === 'REPLACE';
  // ACL, encryption and lock come from this request; content headers and tags from the directives.
  const settings = newObjectSettings(ctx, bucket, { ...input, Tagging: undefined }, now);
  const attributes: ObjectAttributes = { ...withoutContentAndTags(settings.attributes), ...(replace ? contentAttributes(input) : copiedContent(src.attributes)) };
  const tags = input.TaggingDirective === 'REPLACE' ? parseTaggingHeader(input.Tagging ?? '') : src.attributes.tags;
  if (tags?.length) attributes.tags = tags;
  checkWriteConditions(conditions, input.Key, liveVersion(ctx.store.objects.current(bucket, input.Key)));
  const algorithm = input.ChecksumAlgorithm !== undefined ? requestedAlgorithm(input.ChecksumAlgorithm) : src.checksum?.algorithm;
  const body = await copyBytes(ctx, src, undefined, algorithm);
  const { size, md5, checksum } = body.digests;
  const committed = await commitObject(
    ctx,
    bucket.name,
    input.Key,
    { lastModified: ctx.now(), size, etag: md5.toString('hex'), storageClass, ownerAccountId: settings.ownerAccountId, blobId: body.blobId, partsCount: undefined, checksum, attributes },
    { conditions, newBlobs: [body.blobId] },
  );
  return {
    CopyObjectResult: { ETag: `"${committed.record.etag}"`, LastModified: committed.record.lastModified, ...checksumOutput(checksum) },
    CopySourceVersionId: visibleVersionId(source.bucket.versioning, src.versionId),
    VersionId: visibleVersionId(committed.bucket.versioning, committed.record.versionId),
    ...encryptionOutput(attributes),
  };
}
