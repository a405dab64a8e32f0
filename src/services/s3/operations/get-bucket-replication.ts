import { S3Errors } from '../domain/errors.js';
import type { GetBucketReplicationOutput, GetBucketReplicationRequest, ReplicationConfiguration } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';

/**
 * The bucket's replication rules; ReplicationConfigurationNotFoundError when it has none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketReplication.html
 */
export function getBucketReplication(input: GetBucketReplicationRequest, ctx: Ctx): GetBucketReplicationOutput {
  const { config } = readConfig<ReplicationConfiguration>(ctx, input, 'replication');
  if (!config) throw S3Errors.notConfigured('ReplicationConfigurationNotFoundError', input.Bucket);
  return { ReplicationConfiguration: config };
}
