/** Backups from the aws CLI: create-backup, list-backups, describe-backup, restore-table-from-backup, delete-backup. */
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { awsCli, hasAwsCli, useNimbus } from '../../../helpers/nimbus.js';

const nimbus = useNimbus({ resetEach: true });

describe('DynamoDB backups from the aws CLI', () => {
  it.skipIf(!hasAwsCli)('aws dynamodb create-backup / list-backups / describe-backup / restore-table-from-backup / delete-backup', async () => {
    const n = nimbus.current;
    const ddb = new DynamoDBClient(nimbus.clientConfig());
    await ddb.send(
      new CreateTableCommand({
        TableName: 'music',
        AttributeDefinitions: [{ AttributeName: 'artist', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'artist', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await ddb.send(new PutItemCommand({ TableName: 'music', Item: { artist: { S: 'a' }, song: { S: 's' } } }));

    const created = await awsCli(n, ['dynamodb', 'create-backup', '--table-name', 'music', '--backup-name', 'music-backup']);
    expect(created.status, created.stderr).toBe(0);
    const details = (created.json as { BackupDetails: { BackupArn: string } }).BackupDetails;
    expect(details).toMatchObject({ BackupName: 'music-backup', BackupStatus: 'CREATING', BackupType: 'USER' });
    expect(details.BackupArn).toMatch(/:table\/music\/backup\/\d{14}-[0-9a-f]{8}$/);

    const listed = await awsCli(n, ['dynamodb', 'list-backups', '--table-name', 'music']);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.json).toMatchObject({ BackupSummaries: [{ TableName: 'music', BackupArn: details.BackupArn, BackupStatus: 'AVAILABLE' }] });

    const described = await awsCli(n, ['dynamodb', 'describe-backup', '--backup-arn', details.BackupArn]);
    expect(described.json).toMatchObject({ BackupDescription: { SourceTableDetails: { TableName: 'music', ItemCount: 1 }, SourceTableFeatureDetails: {} } });

    const restored = await awsCli(n, ['dynamodb', 'restore-table-from-backup', '--target-table-name', 'music2', '--backup-arn', details.BackupArn]);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.json).toMatchObject({ TableDescription: { TableName: 'music2', RestoreSummary: { SourceBackupArn: details.BackupArn, RestoreInProgress: true } } });
    expect((await awsCli(n, ['dynamodb', 'wait', 'table-exists', '--table-name', 'music2'])).status).toBe(0);
    const item = await awsCli(n, ['dynamodb', 'get-item', '--table-name', 'music2', '--key', '{"artist":{"S":"a"}}']);
    expect(item.json).toEqual({ Item: { artist: { S: 'a' }, song: { S: 's' } } });

    const deleted = await awsCli(n, ['dynamodb', 'delete-backup', '--backup-arn', details.BackupArn]);
    expect(deleted.json).toMatchObject({ BackupDescription: { BackupDetails: { BackupStatus: 'DELETED' } } });
    const missing = await awsCli(n, ['dynamodb', 'describe-backup', '--backup-arn', details.BackupArn]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain(`An error occurred (BackupNotFoundException) when calling the DescribeBackup operation: Backup not found: ${details.BackupArn}`);
  });
});
