import {
  DeleteBucketMetricsConfigurationCommand,
  DeleteBucketReplicationCommand,
  GetBucketAnalyticsConfigurationCommand,
  GetBucketInventoryConfigurationCommand,
  GetBucketIntelligentTieringConfigurationCommand,
  GetBucketMetricsConfigurationCommand,
  GetBucketReplicationCommand,
  ListBucketMetricsConfigurationsCommand,
  PutBucketAnalyticsConfigurationCommand,
  PutBucketInventoryConfigurationCommand,
  PutBucketIntelligentTieringConfigurationCommand,
  PutBucketMetricsConfigurationCommand,
  PutBucketReplicationCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { failure, newBucket, OTHER_ACCOUNT, s3Client } from './helpers.js';

const nimbus = useNimbus();

describe('S3 replication configuration', () => {
  it('needs versioning Enabled, and is not found until set', async () => {
    const bucket = await newBucket(nimbus, 'replication');
    const s3 = s3Client(nimbus);
    expect(await failure(s3.send(new GetBucketReplicationCommand({ Bucket: bucket })))).toEqual({
      name: 'ReplicationConfigurationNotFoundError',
      message: 'The replication configuration was not found',
      status: 404,
      fields: { BucketName: bucket },
    });
    const config = { Role: 'arn:aws:iam::000000000000:role/replication', Rules: [{ ID: 'all', Status: 'Enabled' as const, Priority: 1, Filter: {}, DeleteMarkerReplication: { Status: 'Disabled' as const }, Destination: { Bucket: 'arn:aws:s3:::somewhere' } }] };
    expect(await failure(s3.send(new PutBucketReplicationCommand({ Bucket: bucket, ReplicationConfiguration: config })))).toEqual({
      name: 'InvalidRequest',
      message: "Versioning must be 'Enabled' on the bucket to apply a replication configuration",
      status: 400,
      fields: {},
    });
    expect((await s3.send(new DeleteBucketReplicationCommand({ Bucket: bucket }))).$metadata.httpStatusCode).toBe(204);
  });
});

describe('S3 analytics, metrics, inventory and Intelligent-Tiering configurations', () => {
  it('stores each by Id, lists and deletes them', async () => {
    const bucket = await newBucket(nimbus, 'keyed');
    const s3 = s3Client(nimbus);
    for (const Id of ['b', 'a', 'c']) {
      await s3.send(new PutBucketMetricsConfigurationCommand({ Bucket: bucket, Id, MetricsConfiguration: { Id, Filter: { Prefix: `${Id}/` } } }));
    }
    expect((await s3.send(new GetBucketMetricsConfigurationCommand({ Bucket: bucket, Id: 'a' }))).MetricsConfiguration).toEqual({ Id: 'a', Filter: { Prefix: 'a/' } });
    const listed = await s3.send(new ListBucketMetricsConfigurationsCommand({ Bucket: bucket }));
    expect(listed.MetricsConfigurationList?.map((c) => c.Id)).toEqual(['a', 'b', 'c']);
    expect(listed.IsTruncated).toBe(false);
    expect((await s3.send(new DeleteBucketMetricsConfigurationCommand({ Bucket: bucket, Id: 'b' }))).$metadata.httpStatusCode).toBe(204);
    expect(await failure(s3.send(new GetBucketMetricsConfigurationCommand({ Bucket: bucket, Id: 'b' })))).toMatchObject({
      name: 'NoSuchConfiguration',
      message: 'The specified configuration does not exist.',
      status: 404,
    });
    expect(await failure(s3.send(new DeleteBucketMetricsConfigurationCommand({ Bucket: bucket, Id: 'b' })))).toMatchObject({ name: 'NoSuchConfiguration', status: 404 });

    const analytics = { Id: 'sca', StorageClassAnalysis: { DataExport: { OutputSchemaVersion: 'V_1' as const, Destination: { S3BucketDestination: { Format: 'CSV' as const, Bucket: 'arn:aws:s3:::reports' } } } } };
    await s3.send(new PutBucketAnalyticsConfigurationCommand({ Bucket: bucket, Id: 'sca', AnalyticsConfiguration: analytics }));
    expect((await s3.send(new GetBucketAnalyticsConfigurationCommand({ Bucket: bucket, Id: 'sca' }))).AnalyticsConfiguration).toEqual(analytics);

    const inventory = {
      Id: 'daily',
      IsEnabled: true,
      IncludedObjectVersions: 'Current' as const,
      Schedule: { Frequency: 'Daily' as const },
      Destination: { S3BucketDestination: { Bucket: 'arn:aws:s3:::reports', Format: 'Parquet' as const } },
      OptionalFields: ['Size' as const, 'ETag' as const],
    };
    await s3.send(new PutBucketInventoryConfigurationCommand({ Bucket: bucket, Id: 'daily', InventoryConfiguration: inventory }));
    expect((await s3.send(new GetBucketInventoryConfigurationCommand({ Bucket: bucket, Id: 'daily' }))).InventoryConfiguration).toEqual(inventory);

    const tiering = { Id: 'archive', Status: 'Enabled' as const, Tierings: [{ Days: 90, AccessTier: 'ARCHIVE_ACCESS' as const }] };
    await s3.send(new PutBucketIntelligentTieringConfigurationCommand({ Bucket: bucket, Id: 'archive', IntelligentTieringConfiguration: tiering }));
    expect((await s3.send(new GetBucketIntelligentTieringConfigurationCommand({ Bucket: bucket, Id: 'archive' }))).IntelligentTieringConfiguration).toEqual(tiering);

    expect(await failure(s3Client(nimbus, OTHER_ACCOUNT).send(new ListBucketMetricsConfigurationsCommand({ Bucket: bucket })))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });

  it('pages lists 100 at a time', async () => {
    const bucket = await newBucket(nimbus, 'keyed-pages');
    const s3 = s3Client(nimbus);
    const ids = Array.from({ length: 105 }, (_, i) => `m${String(i).padStart(3, '0')}`);
    for (const Id of ids) await s3.send(new PutBucketMetricsConfigurationCommand({ Bucket: bucket, Id, MetricsConfiguration: { Id } }));
    const first = await s3.send(new ListBucketMetricsConfigurationsCommand({ Bucket: bucket }));
    expect(first.MetricsConfigurationList).toHaveLength(100);
    expect(first.IsTruncated).toBe(true);
    const second = await s3.send(new ListBucketMetricsConfigurationsCommand({ Bucket: bucket, ContinuationToken: first.NextContinuationToken }));
    expect(second.MetricsConfigurationList?.map((c) => c.Id)).toEqual(ids.slice(100));
    expect(second.IsTruncated).toBe(false);
  });
});
