import type { DeleteBucketOwnershipControlsRequest } from '../generated/types.js';
import { deleteConfig, type Ctx } from './config-bucket.js';

/**
 * Removes the bucket's Object Ownership setting; the bucket then behaves as ObjectWriter (ACLs on).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketOwnershipControls.html
 */
export function deleteBucketOwnershipControls(input: DeleteBucketOwnershipControlsRequest, ctx: Ctx): Promise<Record<string, never>> {
  return deleteConfig(ctx, input, 'ownership-controls');
}
