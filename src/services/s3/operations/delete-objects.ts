import { isServiceError } from '../../../shared/errors.js';
import { deleteObjectChecks } from '../domain/access/rules.js';
import { CoreErrors } from '../domain/errors-core.js';
import { S3Errors } from '../domain/errors.js';
import { checkKey } from '../domain/keys.js';
import { isWellFormedVersionId } from '../domain/versions.js';
import type { DeletedObject, DeleteObjectsOutput, DeleteObjectsRequest, Error as S3KeyError } from '../generated/types.js';
import { requireBucket, type Ctx } from './common/context.js';
import { deleteInTransaction } from './delete-object.js';

const MAX_KEYS = 1000;

/**
 * Deletes up to 1000 keys (or versions) in one request and one transaction; each key succeeds
 * or fails on its own (per-key `<Error>`). Quiet mode answers only the errors.
 * Permissions too are per key, as in AWS: a key the caller may not delete (s3:DeleteObject, or
 * s3:DeleteObjectVersion with a VersionId) is answered AccessDenied / "Access Denied" in the
 * `<Error>` list while the others are deleted; the authorization table checks nothing per key.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
 * S3 requires Content-MD5 or a flexible checksum on this request; the SDKs always send one, and
 * checking its presence needs the raw headers the handler does not see (see README).
 */
export async function deleteObjects(input: DeleteObjectsRequest, ctx: Ctx): Promise<DeleteObjectsOutput> {
  requireBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const objects = input.Delete?.Objects ?? [];
  if (objects.length === 0 || objects.length > MAX_KEYS) throw S3Errors.malformedXml();
  const now = ctx.now();
  const bypass = input.BypassGovernanceRetention === true;
  const { deleted, errors, garbage } = await ctx.store.transaction(() => {
    const bucket = ctx.store.buckets.get(input.Bucket);
    if (!bucket) throw S3Errors.noSuchBucket(input.Bucket);
    // Undefined when nothing could deny any key (the owner's root, no Deny in the bucket policy).
    const checksFor = deleteObjectChecks(input, { accountId: ctx.accountId, region: ctx.region, partition: 'aws', caller: ctx.caller }, ctx.store);
    const deleted: DeletedObject[] = [];
    const errors: S3KeyError[] = [];
    const garbage: string[] = [];
    for (const o of objects) {
      try {
        // Authorized before the key is validated, as the request-level check did before it.
        if (checksFor && !ctx.permits(checksFor(o))) throw S3Errors.accessDenied();
        checkKey(o.Key);
        if (o.VersionId !== undefined && !isWellFormedVersionId(o.VersionId)) throw CoreErrors.invalidVersionId(o.VersionId);
        const r = deleteInTransaction(ctx, bucket, o.Key, o.VersionId, bypass, now);
        garbage.push(...r.garbage);
        deleted.push({
          Key: o.Key,
          VersionId: o.VersionId,
          DeleteMarker: r.outcome.DeleteMarker,
          // The marker created, or the marker deleted when a marker's version id was named.
          DeleteMarkerVersionId: r.outcome.DeleteMarker ? (o.VersionId ?? r.outcome.DeleteMarkerVersionId) : undefined,
        });
      } catch (e) {
        if (!isServiceError(e)) throw e;
        errors.push({ Key: o.Key, VersionId: o.VersionId, Code: e.code, Message: e.message });
      }
    }
    return { deleted, errors, garbage };
  });
  await ctx.store.reclaimer.discard(garbage);
  return {
    Deleted: input.Delete.Quiet || deleted.length === 0 ? undefined : deleted,
    Errors: errors.length ? errors : undefined,
  };
}
