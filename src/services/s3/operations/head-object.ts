import { expirationHeader } from '../domain/lifecycle-expiration.js';
import type { StoredLifecycle } from '../domain/lifecycle-config.js';
import type { HeadObjectOutput, HeadObjectRequest } from '../generated/types.js';
import type { Ctx } from './common/context.js';
import { objectHeaders } from './common/object-output.js';
import { readTarget } from './common/read-object.js';

/**
 * GetObject's headers without the body. Errors travel as bare status codes (a HEAD answer has
 * no body), as S3's do.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html
 */
export function headObject(input: HeadObjectRequest, ctx: Ctx): HeadObjectOutput {
  const target = readTarget(ctx, input, 'HEAD');
  const { record, range } = target;
  const length = range ? range.end - range.start + 1 : target.contentRange ? 0 : record.size;
  return {
    ...objectHeaders(record, target.bucket, input, target.checksum),
    Expiration: expirationHeader(ctx.store.configs.get<StoredLifecycle>(target.bucket, 'lifecycle'), record),
    ContentLength: length,
    ContentRange: target.contentRange,
    // A range (or one part of a multipart object) is answered 206 Partial Content.
    StatusCode: target.contentRange ? 206 : undefined,
    PartsCount: target.partsCount,
  };
}
