/**
 * Builders for S3's authorization table (../../authorization.ts): an operation acts on a bucket
 * (`arn:aws:s3:::bucket`) or on objects (`arn:aws:s3:::bucket/key`) with one or more IAM actions,
 * and has S3's condition keys.
 */
import type { AccessCheck, AuthorizationScope, OperationAuthorization } from '../../../service.js';
import type { S3Store } from '../../store.js';
import { bucketArn, bucketChecks, objectChecker, objectChecks } from './checks.js';
import { existingTagKeys, requestKeys, type ConditionPairs } from './conditions.js';
import { parseCopySource, type CopySource } from '../copy-source.js';

type Rule<I> = OperationAuthorization<I, S3Store>;

interface BucketInput {
  Bucket: string;
}

interface ObjectInput extends BucketInput {
  Key: string;
  VersionId?: string;
}

/** A bucket operation needing `action` (and any `more` the input asks for), with optional condition keys. */
export function onBucket<I extends BucketInput>(action: string, options: { more?: (input: NoInfer<I>) => readonly string[]; keys?: (input: NoInfer<I>) => ConditionPairs } = {}): Rule<I> {
  const { more, keys } = options;
  return {
    action,
    access: (input, scope, store) => bucketChecks(store, scope, input.Bucket, more ? [action, ...more(input)] : [action]),
    conditions: function* (input, scope, store) {
      yield* requestKeys(scope, store, input.Bucket);
      if (keys) yield* keys(input);
    },
  };
}

/**
 * An object operation: `plain` on the current version, `versioned` when the request names a
 * VersionId (s3:GetObject → s3:GetObjectVersion), `more` for what the input asks besides (a
 * PutObject that sets an ACL also needs s3:PutObjectAcl). Object operations also answer
 * s3:VersionId and s3:ExistingObjectTag/<key>.
 */
export function onObject<I extends ObjectInput>(plain: string, options: { versioned?: string; more?: (input: NoInfer<I>) => readonly string[]; keys?: (input: NoInfer<I>) => ConditionPairs } = {}): Rule<I> {
  const { versioned, more, keys } = options;
  return {
    action: plain,
    access: (input, scope, store) => {
      const main = input.VersionId !== undefined && versioned ? versioned : plain;
      const extra = more?.(input);
      return objectChecks(store, scope, input.Bucket, extra?.length ? [main, ...extra] : [main], [{ key: input.Key, versionId: input.VersionId }]);
    },
    conditions: function* (input, scope, store) {
      yield* requestKeys(scope, store, input.Bucket);
      if (input.VersionId !== undefined) yield ['s3:versionid', [input.VersionId]];
      if (keys) yield* keys(input);
      yield* existingTagKeys(store, input.Bucket, input.Key, input.VersionId);
    },
  };
}

/**
 * CopyObject and UploadPartCopy: s3:GetObject (s3:GetObjectVersion with a versionId) on the
 * source, under the source bucket's owner and policies, and `target` actions on the destination.
 * A source that names no bucket and key is the handler's to refuse; one that names no bucket of
 * Nimbus's (an access point ARN) needs no check here either.
 */
export function onCopy<I extends BucketInput & { Key: string; CopySource: string }>(target: (input: NoInfer<I>) => readonly string[], keys?: (input: NoInfer<I>) => ConditionPairs): Rule<I> {
  return {
    action: 's3:PutObject',
    access: (input, scope, store) => {
      const writes = objectChecks(store, scope, input.Bucket, target(input), [{ key: input.Key }]);
      const source = copySource(input.CopySource);
      if (!source) return writes;
      const read = source.versionId === undefined ? 's3:GetObject' : 's3:GetObjectVersion';
      const reads = objectChecks(store, scope, source.bucket, [read], [{ key: source.key, versionId: source.versionId }]);
      if (reads.length === 0) return writes;
      return writes.length === 0 ? reads : [...reads, ...writes];
    },
    conditions: function* (input, scope, store) {
      yield* requestKeys(scope, store, input.Bucket);
      yield ['s3:x-amz-copy-source', [input.CopySource]];
      if (keys) yield* keys(input);
    },
  };
}

/** The source a copy names, or undefined for one the handler will refuse (InvalidArgument). */
function copySource(header: string): CopySource | undefined {
  try {
    return parseCopySource(header);
  } catch {
    return undefined;
  }
}

interface DeleteObjectsInput extends BucketInput {
  Delete: { Objects: readonly { Key: string; VersionId?: string }[] };
  BypassGovernanceRetention?: boolean;
}

const NO_CHECKS: readonly AccessCheck[] = Object.freeze([]);

/**
 * DeleteObjects: AWS authorizes each key on its own — s3:DeleteObject, or s3:DeleteObjectVersion
 * for a key with a VersionId — and reports a key it may not delete as an AccessDenied `<Error>`
 * while deleting the others (the request itself answers 200). So the request as a whole needs
 * nothing here beyond its bucket existing (the handler answers NoSuchBucket); the handler builds
 * each key's checks with `deleteObjectChecks` and asks OperationContext.permits.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
 */
export function onDeleteObjects<I extends DeleteObjectsInput>(): Rule<I> {
  return {
    action: 's3:DeleteObject',
    access: () => NO_CHECKS,
    conditions: (input, scope, store) => requestKeys(scope, store, input.Bucket),
  };
}

/**
 * The checks one key of a DeleteObjects request needs (with s3:BypassGovernanceRetention when the
 * request asks to bypass governance mode), or undefined when nothing could deny any key (no such
 * bucket, or its owner's root with no Deny in the bucket policy): then no key needs evaluating.
 */
export function deleteObjectChecks(input: DeleteObjectsInput, scope: AuthorizationScope, store: S3Store): ((object: { Key: string; VersionId?: string }) => readonly AccessCheck[]) | undefined {
  const bypass = input.BypassGovernanceRetention ? ['s3:BypassGovernanceRetention'] : [];
  const current = objectChecker(store, scope, input.Bucket, ['s3:DeleteObject', ...bypass]);
  const versions = objectChecker(store, scope, input.Bucket, ['s3:DeleteObjectVersion', ...bypass]);
  if (!current && !versions) return undefined;
  return (object) => {
    const checker = object.VersionId === undefined ? current : versions;
    return checker ? checker({ key: object.Key, versionId: object.VersionId }) : NO_CHECKS;
  };
}

/**
 * An action with no resource policy in play, on `arn:aws:s3:::bucket` or `*` (CreateBucket,
 * ListBuckets): only identity policies decide, so a root needs no evaluation at all.
 */
export function onAccount<I>(action: string, resource: (input: NoInfer<I>) => string, options: { more?: (input: NoInfer<I>) => readonly string[]; keys?: (input: NoInfer<I>) => ConditionPairs } = {}): Rule<I> {
  const { more, keys } = options;
  return {
    action,
    access: (input, scope) => {
      if (scope.caller.type === 'root') return [];
      const arn = resource(input);
      const extra = more?.(input);
      return (extra?.length ? [action, ...extra] : [action]).map((a) => ({ action: a, resource: arn }));
    },
    conditions: function* (input, scope, store) {
      yield* requestKeys(scope, store, undefined);
      if (keys) yield* keys(input);
    },
  };
}

export { bucketArn };
