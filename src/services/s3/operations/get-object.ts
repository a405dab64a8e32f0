import { CoreErrors } from '../domain/errors-core.js';
import { isReadable } from '../domain/storage-class.js';
import type { GetObjectOutput, GetObjectRequest } from '../generated/types.js';
import type { Ctx } from './common/context.js';
import { objectBody } from './common/object-stream.js';
import { readAnswer, readTarget } from './common/read-object.js';

/**
 * Streams an object (or a range, or one part of a multipart object) from its blobs, or answers
 * it from memory when its (small) body is kept in its row.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 */
export function getObject(input: GetObjectRequest, ctx: Ctx): GetObjectOutput {
  const target = readTarget(ctx, input, 'GET');
  if (!isReadable(target.record, ctx.now())) {
    throw CoreErrors.archived(target.record.storageClass);
  }
  const answer: GetObjectOutput = readAnswer(ctx, target, input);
  answer.Body = answer.ContentLength === 0 ? Buffer.alloc(0) : objectBody(ctx.store, target.record, target.range);
  return answer;
}
