import { restoreFor } from '../domain/restore.js';
import type { RestoreObjectOutput, RestoreObjectRequest } from '../generated/types.js';
import type { Ctx } from './common/context.js';
import { updateSubject } from './object-subresource.js';

/**
 * What RestoreObject answers: its output, and the HTTP status S3 uses to tell a new restore (202)
 * from an existing restored copy whose period was reset (200). The status is the `StatusCode`
 * member models/patches/s3.json adds to RestoreObjectOutput (the model leaves it out); without
 * that patch the protocol answers 200 either way.
 */
export type RestoreObjectAnswer = RestoreObjectOutput & { StatusCode?: number };

/**
 * Restores a temporary copy of an archived (GLACIER, DEEP_ARCHIVE) object version for `Days`
 * days, completed at once (domain/restore.ts); other storage classes are InvalidObjectState.
 * The restore status is kept with the version, where HeadObject's `x-amz-restore` and
 * GetObject's readability check find it.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_RestoreObject.html
 */
export async function restoreObject(input: RestoreObjectRequest, ctx: Ctx): Promise<RestoreObjectAnswer> {
  const now = ctx.now();
  const answer: { status: 200 | 202 } = { status: 202 };
  await updateSubject(ctx, input, 'POST', 'no-such-key', (record) => {
    const decision = restoreFor(record, input.RestoreRequest, now);
    answer.status = decision.status;
    return { restore: decision.restore };
  });
  return { StatusCode: answer.status };
}
