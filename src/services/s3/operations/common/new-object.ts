/**
 * What a new object gets from the headers of the request that creates it (PutObject,
 * CreateMultipartUpload, CopyObject with REPLACE): content headers, user metadata, tags, ACL,
 * encryption and Object Lock settings, each checked with S3's errors.
 */
import { refusePublicAcl } from '../../domain/access/public-access.js';
import { aclFromHeaders, type AclHeaders } from '../../domain/object-acl.js';
import { encryptionFor, type EncryptionHeaders } from '../../domain/object-encryption.js';
import { CoreErrors } from '../../domain/errors-core.js';
import { S3Errors } from '../../domain/errors.js';
import { lockFor, type LockHeaders } from '../../domain/object-retention.js';
import { objectOwnership } from '../../domain/ownership.js';
import { parseTaggingHeader } from '../../domain/tags.js';
import type { ObjectLockConfiguration, ObjectOwnership, OwnershipControls, ServerSideEncryptionConfiguration } from '../../generated/types.js';
import type { Bucket } from '../../store/buckets.js';
import type { ObjectAttributes } from '../../store/object-records.js';
import { storedContentEncoding } from './upload-body.js';
import type { Ctx } from './context.js';

export interface ContentHeaders {
  ContentType?: string;
  ContentEncoding?: string;
  ContentDisposition?: string;
  ContentLanguage?: string;
  CacheControl?: string;
  Expires?: string;
  WebsiteRedirectLocation?: string;
  Metadata?: Record<string, string>;
}

export interface NewObjectHeaders extends ContentHeaders, AclHeaders, EncryptionHeaders, LockHeaders {
  Tagging?: string;
}

/** S3's limit on user metadata: names and values together, in UTF-8. */
const MAX_METADATA_BYTES = 2048;

/** The default Content-Type S3 gives an object stored without one. */
export const DEFAULT_CONTENT_TYPE = 'binary/octet-stream';

export function bucketOwnership(ctx: Ctx, bucket: Bucket): ObjectOwnership {
  return objectOwnership(ctx.store.configs.get<OwnershipControls>(bucket, 'ownership-controls'));
}

/**
 * Who owns a new object: the bucket owner when ACLs are disabled (BucketOwnerEnforced) or when
 * BucketOwnerPreferred and the writer grants it full control; otherwise the writer.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
 */
export function objectOwner(ctx: Ctx, bucket: Bucket, ownership: ObjectOwnership, cannedAcl: string | undefined): string {
  if (ownership === 'BucketOwnerEnforced') return bucket.accountId;
  if (ownership === 'BucketOwnerPreferred' && cannedAcl === 'bucket-owner-full-control') return bucket.accountId;
  return ctx.accountId;
}

export function checkMetadata(metadata: Record<string, string> | undefined): void {
  if (!metadata) return;
  let size = 0;
  for (const [k, v] of Object.entries(metadata)) size += Buffer.byteLength(k) + Buffer.byteLength(v);
  if (size > MAX_METADATA_BYTES) throw CoreErrors.metadataTooLarge(size, MAX_METADATA_BYTES);
}

function checkRedirect(location: string | undefined): void {
  if (location === undefined) return;
  if (!/^(\/|https?:\/\/)/.test(location)) {
    throw S3Errors.invalidArgument("The website redirect location must have a prefix of 'http://' or 'https://' or '/'.", 'x-amz-website-redirect-location', location);
  }
}

/** The content headers an object keeps (Content-Type defaulted, aws-chunked dropped). */
export function contentAttributes(h: ContentHeaders): ObjectAttributes {
  checkMetadata(h.Metadata);
  checkRedirect(h.WebsiteRedirectLocation);
  const a: ObjectAttributes = { ContentType: h.ContentType ?? DEFAULT_CONTENT_TYPE };
  const encoding = storedContentEncoding(h.ContentEncoding);
  if (encoding !== undefined) a.ContentEncoding = encoding;
  if (h.ContentDisposition !== undefined) a.ContentDisposition = h.ContentDisposition;
  if (h.ContentLanguage !== undefined) a.ContentLanguage = h.ContentLanguage;
  if (h.CacheControl !== undefined) a.CacheControl = h.CacheControl;
  if (h.Expires !== undefined) a.Expires = h.Expires;
  if (h.WebsiteRedirectLocation !== undefined) a.WebsiteRedirectLocation = h.WebsiteRedirectLocation;
  if (h.Metadata && Object.keys(h.Metadata).length) a.Metadata = lowerCaseKeys(h.Metadata);
  return a;
}

function lowerCaseKeys(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m)) out[k.toLowerCase()] = v;
  return out;
}

export interface NewObjectSettings {
  attributes: ObjectAttributes;
  ownerAccountId: string;
}

/** Everything a new object takes from its creating request's headers. */
export function newObjectSettings(ctx: Ctx, bucket: Bucket, h: NewObjectHeaders, now: Date): NewObjectSettings {
  const ownership = bucketOwnership(ctx, bucket);
  const ownerAccountId = objectOwner(ctx, bucket, ownership, h.ACL);
  const attributes = contentAttributes(h);
  const acl = aclFromHeaders(h, ownerAccountId, bucket.accountId, ownership);
  if (acl) {
    // BlockPublicAcls refuses a request that would make the new object public.
    refusePublicAcl(ctx.store, bucket, acl);
    attributes.acl = acl;
  }
  if (h.Tagging !== undefined) {
    const tags = parseTaggingHeader(h.Tagging);
    if (tags.length) attributes.tags = tags;
  }
  Object.assign(attributes, encryptionFor(h, ctx.store.configs.get<ServerSideEncryptionConfiguration>(bucket, 'encryption'), ctx.accountId, bucket.region));
  Object.assign(attributes, lockFor(h, bucket.objectLockEnabled, ctx.store.configs.get<ObjectLockConfiguration>(bucket, 'object-lock'), now));
  return { attributes, ownerAccountId };
}
