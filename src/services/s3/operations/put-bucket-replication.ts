import { S3Errors } from '../domain/errors.js';
import type { PutBucketReplicationRequest, ReplicationConfiguration } from '../generated/types.js';
import { putConfig, type Ctx } from './config-bucket.js';

/**
 * Sets the bucket's replication rules. Stored only: Nimbus copies nothing to the destinations,
 * and does not check that they exist. Replication needs versioning Enabled, as in AWS.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketReplication.html
 */
export function putBucketReplication(input: PutBucketReplicationRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putConfig(ctx, input, 'replication', (bucket): ReplicationConfiguration => {
    const config = input.ReplicationConfiguration;
    if (!config?.Role || !config.Rules?.length) throw S3Errors.malformedXml();
    for (const rule of config.Rules) {
      if ((rule.Status !== 'Enabled' && rule.Status !== 'Disabled') || !rule.Destination?.Bucket) throw S3Errors.malformedXml();
    }
    if (bucket.versioning !== 'Enabled') throw S3Errors.invalidRequest("Versioning must be 'Enabled' on the bucket to apply a replication configuration");
    return config;
  });
}
