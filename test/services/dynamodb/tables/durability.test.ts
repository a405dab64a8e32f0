import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTagsOfResourceCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startNimbus, type StartedNimbus } from '../../../../src/index.js';

function client(n: StartedNimbus): DynamoDBClient {
  return new DynamoDBClient({ endpoint: n.endpoint, region: n.region, credentials: n.credentials, maxAttempts: 1 });
}

describe('DynamoDB tables durability', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps tables, indexes, streams, TTL and tags across a restart', async () => {
    dir = await mkdtemp(join(tmpdir(), 'nimbus-ddb-'));
    const first = await startNimbus({ ephemeral: false, dataDir: dir });
    let before;
    try {
      const ddb = client(first);
      await ddb.send(
        new CreateTableCommand({
          TableName: 'durable',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'N' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          GlobalSecondaryIndexes: [{ IndexName: 'by-g', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
          BillingMode: 'PAY_PER_REQUEST',
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
          Tags: [{ Key: 'k', Value: 'v' }],
        }),
      );
      await ddb.send(new UpdateTimeToLiveCommand({ TableName: 'durable', TimeToLiveSpecification: { Enabled: true, AttributeName: 'exp' } }));
      await ddb.send(new UpdateTableCommand({ TableName: 'durable', DeletionProtectionEnabled: true }));
      before = (await ddb.send(new DescribeTableCommand({ TableName: 'durable' }))).Table;
    } finally {
      await first.stop();
    }

    const second = await startNimbus({ ephemeral: false, dataDir: dir });
    try {
      const ddb = client(second);
      const after = (await ddb.send(new DescribeTableCommand({ TableName: 'durable' }))).Table;
      expect(after).toEqual(before);
      expect(after!.DeletionProtectionEnabled).toBe(true);
      expect((await ddb.send(new DescribeTimeToLiveCommand({ TableName: 'durable' }))).TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'exp' });
      expect((await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: after!.TableArn! }))).Tags).toEqual([{ Key: 'k', Value: 'v' }]);
    } finally {
      await second.stop();
    }
  });
});
