/**
 * A backup outlives its table and Nimbus: DeleteTable leaves it, a restart (durable storage)
 * keeps it, and a restore after both brings back the items and indexes as they were.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBackupCommand,
  DeleteTableCommand,
  DescribeBackupCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListBackupsCommand,
  RestoreTableFromBackupCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startNimbus, type StartedNimbus } from '../../../../src/index.js';
import { createSourceTable, queryAll, S, scanAll, seed, type Item } from './helpers.js';

function client(n: StartedNimbus): DynamoDBClient {
  return new DynamoDBClient({ endpoint: n.endpoint, region: n.region, credentials: n.credentials, maxAttempts: 1 });
}

describe('DynamoDB backups durability', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a backup survives DeleteTable of its source and a restart, and restores the items', async () => {
    dir = await mkdtemp(join(tmpdir(), 'nimbus-ddb-backup-'));
    const first = await startNimbus({ ephemeral: false, dataDir: dir });
    let arn = '';
    let items: Item[] = [];
    let gsiItems: Item[] = [];
    let description;
    try {
      const ddb = client(first);
      await createSourceTable(ddb, 'src');
      await seed(ddb, 'src', 25);
      items = await scanAll(ddb, 'src');
      gsiItems = await queryAll(ddb, { TableName: 'src', IndexName: 'by-g', KeyConditionExpression: 'g = :v', ExpressionAttributeValues: { ':v': S('g0') } });
      arn = (await ddb.send(new CreateBackupCommand({ TableName: 'src', BackupName: 'before-drop' }))).BackupDetails!.BackupArn!;
      await ddb.send(new DeleteTableCommand({ TableName: 'src' }));
      description = (await ddb.send(new DescribeBackupCommand({ BackupArn: arn }))).BackupDescription;
      expect(description?.SourceTableDetails?.ItemCount).toBe(25);
    } finally {
      await first.stop();
    }

    const second = await startNimbus({ ephemeral: false, dataDir: dir });
    try {
      const ddb = client(second);
      expect((await ddb.send(new DescribeBackupCommand({ BackupArn: arn }))).BackupDescription).toEqual(description);
      expect((await ddb.send(new ListBackupsCommand({ TableName: 'src' }))).BackupSummaries!.map((b) => b.BackupArn)).toEqual([arn]);
      // The source table is gone; restoring under its own name brings it back.
      await ddb.send(new RestoreTableFromBackupCommand({ TargetTableName: 'src', BackupArn: arn }));
      expect(await scanAll(ddb, 'src')).toEqual(items);
      expect(await queryAll(ddb, { TableName: 'src', IndexName: 'by-g', KeyConditionExpression: 'g = :v', ExpressionAttributeValues: { ':v': S('g0') } })).toEqual(gsiItems);
      const t = (await ddb.send(new DescribeTableCommand({ TableName: 'src' }))).Table!;
      expect(t.ItemCount).toBe(25);
      expect(t.RestoreSummary?.SourceBackupArn).toBe(arn);
    } finally {
      await second.stop();
    }
  });
});
