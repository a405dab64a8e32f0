/**
 * S3's condition keys (lower-cased, as the policy engine asks for them). The gateway calls these
 * only when a policy statement asks for a key that is not global, so a request whose policies
 * have no S3 conditions computes none of this.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html#amazons3-policy-keys
 *
 * Keys about the request itself, on every operation: s3:authType (`REST-HEADER`,
 * `REST-QUERY-STRING`), s3:signatureversion (`AWS4-HMAC-SHA256`), s3:x-amz-content-sha256 and
 * s3:ResourceAccount (the bucket owner). s3:TlsVersion is absent: Nimbus speaks plain HTTP.
 */
import type { AuthorizationScope } from '../../../service.js';
import type { Tag } from '../../generated/types.js';
import type { S3Store } from '../../store.js';
import { bucketAccess } from './bucket-access.js';

export type ConditionPairs = Iterable<readonly [string, readonly string[]]>;

/** The keys every S3 request has (besides the global aws:* keys). */
export function* requestKeys(scope: AuthorizationScope, store: S3Store, bucket: string | undefined): Generator<readonly [string, readonly string[]]> {
  const request = scope.request;
  if (request?.signedBy !== undefined) {
    yield ['s3:authtype', [request.signedBy === 'query' ? 'REST-QUERY-STRING' : 'REST-HEADER']];
    if (request.algorithm !== undefined) yield ['s3:signatureversion', [request.algorithm]];
  }
  const sha = request?.header('x-amz-content-sha256');
  if (sha !== undefined) yield ['s3:x-amz-content-sha256', [sha]];
  if (bucket !== undefined) {
    const owner = bucketAccess(store, bucket)?.owner;
    if (owner !== undefined) yield ['s3:resourceaccount', [owner]];
  }
}

/** A value for one key, when the request has it. */
export function* key(name: string, value: string | number | boolean | Date | undefined): Generator<readonly [string, readonly string[]]> {
  if (value === undefined) return;
  yield [name, [value instanceof Date ? value.toISOString() : String(value)]];
}

/** ListObjects, ListObjectsV2, ListObjectVersions: s3:prefix, s3:delimiter, s3:max-keys. */
export function* listingKeys(input: { Prefix?: string; Delimiter?: string; MaxKeys?: number }): Generator<readonly [string, readonly string[]]> {
  yield* key('s3:prefix', input.Prefix);
  yield* key('s3:delimiter', input.Delimiter);
  yield* key('s3:max-keys', input.MaxKeys);
}

/** The ACL a write asks for: s3:x-amz-acl and s3:x-amz-grant-*. */
export function* aclKeys(input: { ACL?: string; GrantFullControl?: string; GrantRead?: string; GrantReadACP?: string; GrantWrite?: string; GrantWriteACP?: string }): Generator<readonly [string, readonly string[]]> {
  yield* key('s3:x-amz-acl', input.ACL);
  yield* key('s3:x-amz-grant-full-control', input.GrantFullControl);
  yield* key('s3:x-amz-grant-read', input.GrantRead);
  yield* key('s3:x-amz-grant-read-acp', input.GrantReadACP);
  yield* key('s3:x-amz-grant-write', input.GrantWrite);
  yield* key('s3:x-amz-grant-write-acp', input.GrantWriteACP);
}

/** What an object write asks for: encryption, storage class, object lock. */
export interface ObjectWriteInput {
  ServerSideEncryption?: string;
  SSEKMSKeyId?: string;
  StorageClass?: string;
  ObjectLockMode?: string;
  ObjectLockRetainUntilDate?: Date;
  ObjectLockLegalHoldStatus?: string;
}

export function* objectWriteKeys(input: ObjectWriteInput): Generator<readonly [string, readonly string[]]> {
  yield* key('s3:x-amz-server-side-encryption', input.ServerSideEncryption);
  yield* key('s3:x-amz-server-side-encryption-aws-kms-key-id', input.SSEKMSKeyId);
  yield* key('s3:x-amz-storage-class', input.StorageClass);
  yield* key('s3:object-lock-mode', input.ObjectLockMode);
  yield* key('s3:object-lock-retain-until-date', input.ObjectLockRetainUntilDate);
  yield* key('s3:object-lock-legal-hold', input.ObjectLockLegalHoldStatus);
}

/** Tags a request sets: s3:RequestObjectTag/<key> and s3:RequestObjectTagKeys. */
export function* requestTagKeys(tags: readonly Tag[] | undefined): Generator<readonly [string, readonly string[]]> {
  if (!tags?.length) return;
  yield ['s3:requestobjecttagkeys', tags.map((t) => t.Key)];
  for (const t of tags) yield [`s3:requestobjecttag/${t.Key.toLowerCase()}`, [t.Value]];
}

/** `x-amz-tagging` (`k1=v1&k2=v2`) as tags; a malformed header is the handler's to refuse. */
export function taggingHeader(header: string | undefined): Tag[] | undefined {
  if (!header) return undefined;
  const tags: Tag[] = [];
  for (const [Key, Value] of new URLSearchParams(header)) tags.push({ Key, Value });
  return tags;
}

/**
 * s3:ExistingObjectTag/<key>: the tags of the object (version) the request acts on. Read only when
 * a policy asks for an S3 key, which is when this generator runs.
 */
export function* existingTagKeys(store: S3Store, bucket: string, objectKey: string, versionId: string | undefined): Generator<readonly [string, readonly string[]]> {
  const access = bucketAccess(store, bucket);
  if (!access) return;
  const record = versionId === undefined ? store.objects.current(access.bucket, objectKey) : store.objects.version(access.bucket, objectKey, versionId);
  if (!record || record.deleteMarker) return;
  for (const t of record.attributes.tags ?? []) yield [`s3:existingobjecttag/${t.Key.toLowerCase()}`, [t.Value]];
}
