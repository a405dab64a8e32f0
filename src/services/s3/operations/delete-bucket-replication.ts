import type { DeleteBucketReplicationRequest } from '../generated/types.js';
import { deleteConfig, type Ctx } from './config-bucket.js';

/**
 * Removes the bucket's replication rules (204 whether or not it had any).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketReplication.html
 */
export function deleteBucketReplication(input: DeleteBucketReplicationRequest, ctx: Ctx): Promise<Record<string, never>> {
  return deleteConfig(ctx, input, 'replication');
}
