/**
 * CreateBackup, DescribeBackup, DeleteBackup and their errors through the SDK: what a backup
 * records about its table, that it is a snapshot (later writes are not in it), and how it ends.
 */
import {
  CreateBackupCommand,
  CreateTableCommand,
  DeleteBackupCommand,
  DeleteItemCommand,
  DescribeBackupCommand,
  DescribeTableCommand,
  ListBackupsCommand,
  PutItemCommand,
  RestoreTableFromBackupCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { BACKUP_ARN, createSourceTable, ddbClient, expectError, N, S, scanAll, seed, sourceItem, TestClock } from './helpers.js';

const START = Date.UTC(2024, 4, 1, 12, 0, 0);
const clock = new TestClock(START);
const nimbus = useNimbus({ resetEach: true, clock });

beforeEach(() => {
  clock.ms = START;
});

describe('CreateBackup and DescribeBackup', () => {
  it('records the table: details, source table details and features', async () => {
    const ddb = ddbClient(nimbus);
    await createSourceTable(ddb, 'src');
    await ddb.send(ttlOn('src'));
    await seed(ddb, 'src', 20);
    const table = (await ddb.send(new DescribeTableCommand({ TableName: 'src' }))).Table!;
    clock.advance(1234);

    const created = await ddb.send(new CreateBackupCommand({ TableName: 'src', BackupName: 'nightly-1' }));
    const details = created.BackupDetails!;
    expect(details.BackupArn).toMatch(BACKUP_ARN);
    // The id starts with the creation time in epoch ms, padded to 14 digits.
    expect(details.BackupArn).toContain(`:table/src/backup/0${START + 1234}-`);
    expect(details).toMatchObject({
      BackupName: 'nightly-1',
      BackupStatus: 'CREATING',
      BackupType: 'USER',
      BackupSizeBytes: table.TableSizeBytes,
      BackupCreationDateTime: new Date(START + 1234),
    });
    expect(table.TableSizeBytes).toBeGreaterThan(0);

    const described = (await ddb.send(new DescribeBackupCommand({ BackupArn: details.BackupArn }))).BackupDescription!;
    expect(described.BackupDetails).toEqual({ ...details, BackupStatus: 'AVAILABLE' });
    expect(described.SourceTableDetails).toEqual({
      TableName: 'src',
      TableId: table.TableId,
      TableArn: table.TableArn,
      TableSizeBytes: table.TableSizeBytes,
      KeySchema: table.KeySchema,
      TableCreationDateTime: table.CreationDateTime,
      ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
      ItemCount: 20,
      BillingMode: 'PAY_PER_REQUEST',
    });
    expect(described.SourceTableFeatureDetails).toEqual({
      LocalSecondaryIndexes: [
        { IndexName: 'by-ls', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'ls', KeyType: 'RANGE' }], Projection: { ProjectionType: 'KEYS_ONLY' } },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'by-g',
          KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }, { AttributeName: 'gs', KeyType: 'RANGE' }],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['note'] },
        },
        { IndexName: 'by-h', KeySchema: [{ AttributeName: 'h', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } },
      ],
      TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: 'exp' },
    });
  });

  it('a provisioned table with a stream and a KMS key: throughput, stream and SSE in the description', async () => {
    const ddb = ddbClient(nimbus);
    await ddb.send(
      new CreateTableCommand({
        TableName: 'prov',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 6 },
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
        SSESpecification: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: 'alias/mine' },
      }),
    );
    const arn = (await ddb.send(new CreateBackupCommand({ TableName: 'prov', BackupName: 'bk1' }))).BackupDetails!.BackupArn!;
    const d = (await ddb.send(new DescribeBackupCommand({ BackupArn: arn }))).BackupDescription!;
    expect(d.SourceTableDetails).toMatchObject({ ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 6 }, BillingMode: 'PROVISIONED', ItemCount: 0, TableSizeBytes: 0 });
    expect(d.SourceTableFeatureDetails).toEqual({
      StreamDescription: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: 'arn:aws:kms:us-east-1:000000000000:alias/mine' },
    });
  });

  it('a plain table has empty feature details; TableName may be the table ARN', async () => {
    const ddb = ddbClient(nimbus);
    const t = await ddb.send(
      new CreateTableCommand({
        TableName: 'plain',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const arn = (await ddb.send(new CreateBackupCommand({ TableName: t.TableDescription!.TableArn!, BackupName: 'by-arn' }))).BackupDetails!.BackupArn!;
    expect(arn).toContain(':table/plain/backup/');
    const d = (await ddb.send(new DescribeBackupCommand({ BackupArn: arn }))).BackupDescription!;
    expect(d.SourceTableFeatureDetails).toEqual({});
  });

  it('is a snapshot: writes after the backup are not in it, deletes after it do not remove from it', async () => {
    const ddb = ddbClient(nimbus);
    await createSourceTable(ddb, 'src');
    await seed(ddb, 'src', 10);
    const before = await scanAll(ddb, 'src');
    const arn = (await ddb.send(new CreateBackupCommand({ TableName: 'src', BackupName: 'snap' }))).BackupDetails!.BackupArn!;
    await ddb.send(new PutItemCommand({ TableName: 'src', Item: { pk: S('late'), sk: N(1) } }));
    await ddb.send(new PutItemCommand({ TableName: 'src', Item: { ...sourceItem(3), note: S('changed') } }));
    await ddb.send(new DeleteItemCommand({ TableName: 'src', Key: { pk: sourceItem(4).pk!, sk: sourceItem(4).sk! } }));
    await ddb.send(new RestoreTableFromBackupCommand({ TargetTableName: 'copy', BackupArn: arn }));
    expect(await scanAll(ddb, 'copy')).toEqual(before);
  });
});

describe('DeleteBackup', () => {
  it('answers DELETED, then the backup is gone for Describe, Delete, Restore and List', async () => {
    const ddb = ddbClient(nimbus);
    await createSourceTable(ddb, 'src');
    await seed(ddb, 'src', 3);
    const keep = (await ddb.send(new CreateBackupCommand({ TableName: 'src', BackupName: 'keep' }))).BackupDetails!.BackupArn!;
    const arn = (await ddb.send(new CreateBackupCommand({ TableName: 'src', BackupName: 'drop' }))).BackupDetails!.BackupArn!;
    const described = (await ddb.send(new DescribeBackupCommand({ BackupArn: arn }))).BackupDescription!;
    const deleted = (await ddb.send(new DeleteBackupCommand({ BackupArn: arn }))).BackupDescription!;
    expect(deleted).toEqual({ ...described, BackupDetails: { ...described.BackupDetails, BackupStatus: 'DELETED' } });
    const message = `Backup not found: ${arn}`;
    await expectError(ddb.send(new DescribeBackupCommand({ BackupArn: arn })), 'BackupNotFoundException', message);
    await expectError(ddb.send(new DeleteBackupCommand({ BackupArn: arn })), 'BackupNotFoundException', message);
    await expectError(ddb.send(new RestoreTableFromBackupCommand({ TargetTableName: 'never', BackupArn: arn })), 'BackupNotFoundException', message);
    const listed = await ddb.send(new ListBackupsCommand({}));
    expect(listed.BackupSummaries!.map((b) => b.BackupArn)).toEqual([keep]);
  });
});

describe('errors', () => {
  it('CreateBackup of a missing table: TableNotFoundException', async () => {
    const ddb = ddbClient(nimbus);
    await expectError(ddb.send(new CreateBackupCommand({ TableName: 'nope', BackupName: 'bk1' })), 'TableNotFoundException', 'Table not found: nope');
    await expectError(
      ddb.send(new CreateBackupCommand({ TableName: 'arn:aws:dynamodb:us-east-1:000000000000:table/gone', BackupName: 'bk1' })),
      'TableNotFoundException',
      'Table not found: gone',
    );
  });

  it('a backup name outside the model pattern or length: ValidationException from the validator', async () => {
    const ddb = ddbClient(nimbus);
    await createSourceTable(ddb, 'src');
    await expectError(ddb.send(new CreateBackupCommand({ TableName: 'src', BackupName: 'bad name' })), 'ValidationException', /backupName.*Member must satisfy regular expression pattern/);
    await expectError(ddb.send(new CreateBackupCommand({ TableName: 'src', BackupName: 'ab' })), 'ValidationException', /backupName.*Member must have length greater than or equal to 3/);
  });

  it('an unknown backup ARN: BackupNotFoundException with the ARN', async () => {
    const ddb = ddbClient(nimbus);
    const arn = 'arn:aws:dynamodb:us-east-1:000000000000:table/src/backup/01714564800000-0badf00d';
    await expectError(ddb.send(new DescribeBackupCommand({ BackupArn: arn })), 'BackupNotFoundException', `Backup not found: ${arn}`);
  });

  it("another region's backup is not found from here", async () => {
    const ddb = ddbClient(nimbus);
    await createSourceTable(ddb, 'src');
    const arn = (await ddb.send(new CreateBackupCommand({ TableName: 'src', BackupName: 'here' }))).BackupDetails!.BackupArn!;
    const west = ddbClient(nimbus, { region: 'us-west-2' });
    await expectError(west.send(new DescribeBackupCommand({ BackupArn: arn })), 'BackupNotFoundException', `Backup not found: ${arn}`);
    expect((await west.send(new ListBackupsCommand({}))).BackupSummaries).toEqual([]);
  });

  it('RestoreTableFromBackup onto an existing table: TableAlreadyExistsException, nothing changed', async () => {
    const ddb = ddbClient(nimbus);
    await createSourceTable(ddb, 'src');
    await seed(ddb, 'src', 4);
    const arn = (await ddb.send(new CreateBackupCommand({ TableName: 'src', BackupName: 'bk1' }))).BackupDetails!.BackupArn!;
    await ddb.send(new PutItemCommand({ TableName: 'src', Item: { pk: S('extra'), sk: N(0) } }));
    const before = await scanAll(ddb, 'src');
    await expectError(ddb.send(new RestoreTableFromBackupCommand({ TargetTableName: 'src', BackupArn: arn })), 'TableAlreadyExistsException', 'Table already exists: src');
    expect(await scanAll(ddb, 'src')).toEqual(before);
  });
});

/** TTL on attribute `exp`, so the backup has a TimeToLiveDescription. */
function ttlOn(table: string): UpdateTimeToLiveCommand {
  return new UpdateTimeToLiveCommand({ TableName: table, TimeToLiveSpecification: { Enabled: true, AttributeName: 'exp' } });
}
