/** Lookups every multipart operation starts with. */
import { S3Errors } from '../../domain/errors.js';
import { canonicalUserId } from '../../domain/owners.js';
import type { Initiator } from '../../generated/types.js';
import type { Bucket } from '../../store/buckets.js';
import type { UploadRecord } from '../../store/uploads.js';
import type { Ctx } from './context.js';

/** The upload, which must exist in this bucket for this key; else NoSuchUpload. */
export function requireUpload(ctx: Ctx, bucket: Bucket, key: string, uploadId: string): UploadRecord {
  const upload = ctx.store.uploads.get(bucket, uploadId);
  if (!upload || upload.key !== key) throw S3Errors.noSuchUpload(uploadId);
  return upload;
}

/** How S3 names who started an upload: a root by its canonical user id, anyone else by ARN. */
export function initiatorId(ctx: Ctx): string {
  return ctx.caller.type === 'root' ? canonicalUserId(ctx.accountId) : ctx.caller.arn;
}

export function initiatorOf(upload: UploadRecord): Initiator {
  return { ID: upload.initiatorArn };
}
