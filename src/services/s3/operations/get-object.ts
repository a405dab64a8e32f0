import { expirationHeader } from '../domain/lifecycle-expiration.js';
import type { StoredLifecycle } from '../domain/lifecycle-config.js';
import { CoreErrors } from '../domain/errors-core.js';
import { isReadable } from '../domain/storage-class.js';
import type { GetObjectOutput, GetObjectRequest } from '../generated/types.js';
import type { Ctx } from './common/context.js';
import { objectHeaders } from './common/object-output.js';
import { objectBody } from './common/object-stream.js';
import { readTarget } from './common/read-object.js';

/**
 * Streams an object (or a range, or one part of a multipart object) from its blobs, or answers
 * it from memory when its (small) body is kept in its row.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 */
export function getObject(input: GetObjectRequest, ctx: Ctx): GetObjectOutput {
  const target = readTarget(ctx, input, 'GET');
  const { record, range } = target;
  if (!isReadable(record, ctx.now())) {
    throw CoreErrors.archived(record.storageClass);
  }
  const length = range ? range.end - range.start + 1 : target.contentRange ? 0 : record.size;
  return {
    ...objectHeaders(record, target.bucket, input, target.checksum),
    Expiration: expirationHeader(ctx.store.configs.get<StoredLifecycle>(target.bucket, 'lifecycle'), record),
    ContentLength: length,
    ContentRange: target.contentRange,
    // A range (or one part of a multipart object) is answered 206 Partial Content.
    StatusCode: target.contentRange ? 206 : undefined,
    PartsCount: target.partsCount,
    Body: length === 0 ? Buffer.alloc(0) : objectBody(ctx.store, record, range),
  };
}

