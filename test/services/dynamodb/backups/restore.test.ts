/**
 * RestoreTableFromBackup through the SDK: the restored table holds the backup's items, every index
 * agrees with them, DescribeTable shows RestoreSummary, settings AWS does not restore are not
 * restored, overrides apply, and a backup taken under concurrent writes is one consistent cut.
 */
import {
  CreateBackupCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  ListTagsOfResourceCommand,
  PutItemCommand,
  QueryCommand,
  RestoreTableFromBackupCommand,
  TagResourceCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
  type QueryCommandInput,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { createSourceTable, ddbClient, expectError, N, queryAll, S, scanAll, seed, sourceItem } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });

async function backupOf(ddb: DynamoDBClient, table: string, name = 'bk1'): Promise<string> {
  return (await ddb.send(new CreateBackupCommand({ TableName: table, BackupName: name }))).BackupDetails!.BackupArn!;
}

async function describeTable(ddb: DynamoDBClient, table: string): Promise<TableDescription> {
  return (await ddb.send(new DescribeTableCommand({ TableName: table }))).Table!;
}

/** The index parts DescribeTable reports that a restore must reproduce. */
function indexShape(t: TableDescription) {
  return {
    lsis: t.LocalSecondaryIndexes?.map((i) => ({ name: i.IndexName, key: i.KeySchema, projection: i.Projection, count: i.ItemCount, size: i.IndexSizeBytes })),
    gsis: t.GlobalSecondaryIndexes?.map((i) => ({ name: i.IndexName, key: i.KeySchema, projection: i.Projection, count: i.ItemCount, size: i.IndexSizeBytes })),
  };
}

describe('a full restore', () => {
  it('answers CREATING with RestoreSummary; the table then holds the items and its indexes agree', async () => {
    const ddb = ddbClient(nimbus);
    await createSourceTable(ddb, 'src');
    await seed(ddb, 'src', 30);
    const source = await describeTable(ddb, 'src');
    const arn = await backupOf(ddb, 'src');
    const created = (await ddb.send(new RestoreTableFromBackupCommand({ TargetTableName: 'dst', BackupArn: arn }))).TableDescription!;
    const backupTime = new Date(Number(/backup\/(\d{14})-/.exec(arn)![1]));
    expect(created).toMatchObject({
      TableName: 'dst',
      TableStatus: 'CREATING',
      ItemCount: 0,
      TableSizeBytes: 0,
      KeySchema: source.KeySchema,
      AttributeDefinitions: source.AttributeDefinitions,
      RestoreSummary: { SourceBackupArn: arn, SourceTableArn: source.TableArn, RestoreDateTime: backupTime, RestoreInProgress: true },
    });
    expect(created.GlobalSecondaryIndexes!.map((g) => g.IndexStatus)).toEqual(['CREATING', 'CREATING']);
    expect(created.TableArn).toBe(source.TableArn!.replace('table/src', 'table/dst'));
    expect(created.TableId).not.toBe(source.TableId);

    const restored = await describeTable(ddb, 'dst');
    expect(restored.TableStatus).toBe('ACTIVE');
    expect(restored.RestoreSummary).toEqual({ SourceBackupArn: arn, SourceTableArn: source.TableArn, RestoreDateTime: backupTime, RestoreInProgress: false });
    expect([restored.ItemCount, restored.TableSizeBytes]).toEqual([30, source.TableSizeBytes]);
    expect(indexShape(restored)).toEqual(indexShape(source));
    expect(restored.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');

    expect(await scanAll(ddb, 'dst')).toEqual(await scanAll(ddb, 'src'));
    for (const index of ['by-ls', 'by-g', 'by-h']) expect(await scanAll(ddb, 'dst', index)).toEqual(await scanAll(ddb, 'src', index));
    const queries: Omit<QueryCommandInput, 'TableName'>[] = [
      { IndexName: 'by-g', KeyConditionExpression: 'g = :v AND gs > :n', ExpressionAttributeValues: { ':v': S('g1'), ':n': N(80) } },
      { IndexName: 'by-ls', KeyConditionExpression: 'pk = :v', ExpressionAttributeValues: { ':v': S('p2') } },
      { IndexName: 'by-h', KeyConditionExpression: 'h = :v', ExpressionAttributeValues: { ':v': S('h1') } },
      { KeyConditionExpression: 'pk = :v AND sk BETWEEN :a AND :b', ExpressionAttributeValues: { ':v': S('p1'), ':a': N(5), ':b': N(21) } },
    ];
    for (const q of queries) {
      const fromSource = await queryAll(ddb, { TableName: 'src', Limit: 3, ...q });
      expect(fromSource.length).toBeGreaterThan(0);
      expect(await queryAll(ddb, { TableName: 'dst', Limit: 3, ...q })).toEqual(fromSource);
    }
    const key = { pk: sourceItem(17).pk!, sk: sourceItem(17).sk! };
    expect((await ddb.send(new GetItemCommand({ TableName: 'dst', Key: key }))).Item).toEqual(sourceItem(17));
  });

  it('the restored table takes writes that keep its indexes exact', async () => {
    const ddb = ddbClient(nimbus);
    await createSourceTable(ddb, 'src');
    await seed(ddb, 'src', 9);
    await ddb.send(new RestoreTableFromBackupCommand({ TargetTableName: 'dst', BackupArn: await backupOf(ddb, 'src') }));
    await ddb.send(new PutItemCommand({ TableName: 'dst', Item: { pk: S('new'), sk: N(1), g: S('g9'), gs: N(1), h: S('h9'), note: S('n') } }));
    // Move an item to another GSI partition: its old entry must go.
    await ddb.send(new PutItemCommand({ TableName: 'dst', Item: { ...sourceItem(1), g: S('g9'), gs: N(2) } }));
    const g9 = await queryAll(ddb, { TableName: 'dst', IndexName: 'by-g', KeyConditionExpression: 'g = :v', ExpressionAttributeValues: { ':v': S('g9') } });
    expect(g9.map((i) => i.pk!.S)).toEqual(['new', 'p1']);
    const g1 = await queryAll(ddb, { TableName: 'dst', IndexName: 'by-g', KeyConditionExpression: 'g = :v', ExpressionAttributeValues: { ':v': S('g1') } });
    expect(g1.map((i) => Number(i.sk!.N)).sort((a, b) => a - b)).toEqual([5, 7]);
    const t = await describeTable(ddb, 'dst');
    expect(t.ItemCount).toBe(10);
    expect(t.GlobalSecondaryIndexes!.find((g) => g.IndexName === 'by-g')!.ItemCount).toBe(7);
  });

  it('keeps SSE, table class and throughput; not tags, stream, TTL or deletion protection', async () => {
    const ddb = ddbClient(nimbus);
    await createSourceTable(ddb, 'src', { provisioned: true });
    const source = await describeTable(ddb, 'src');
    await ddb.send(new UpdateTableCommand({ TableName: 'src', SSESpecification: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: 'alias/k' } }));
    await ddb.send(new UpdateTableCommand({ TableName: 'src', TableClass: 'STANDARD_INFREQUENT_ACCESS' }));
    await ddb.send(new UpdateTableCommand({ TableName: 'src', StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } }));
    await ddb.send(new UpdateTableCommand({ TableName: 'src', DeletionProtectionEnabled: true }));
    await ddb.send(new UpdateTimeToLiveCommand({ TableName: 'src', TimeToLiveSpecification: { Enabled: true, AttributeName: 'exp' } }));
    await ddb.send(new TagResourceCommand({ ResourceArn: source.TableArn, Tags: [{ Key: 'team', Value: 'a' }] }));
    await ddb.send(new RestoreTableFromBackupCommand({ TargetTableName: 'dst', BackupArn: await backupOf(ddb, 'src') }));

    const t = await describeTable(ddb, 'dst');
    expect(t.SSEDescription).toEqual({ Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: 'arn:aws:kms:us-east-1:000000000000:alias/k' });
    expect(t.TableClassSummary?.TableClass).toBe('STANDARD_INFREQUENT_ACCESS');
    expect(t.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 7, WriteCapacityUnits: 3 });
    expect(t.GlobalSecondaryIndexes!.map((g) => [g.IndexName, g.ProvisionedThroughput?.ReadCapacityUnits, g.ProvisionedThroughput?.WriteCapacityUnits])).toEqual([
      ['by-g', 2, 1],
      ['by-h', 4, 4],
    ]);
    expect(t.StreamSpecification).toBeUndefined();
    expect(t.LatestStreamArn).toBeUndefined();
    expect(t.DeletionProtectionEnabled).toBe(false);
    expect((await ddb.send(new DescribeTimeToLiveCommand({ TableName: 'dst' }))).TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'DISABLED' });
    expect((await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: t.TableArn }))).Tags).toEqual([]);
  });

  it('a backup taken during concurrent writes holds every write acknowledged before it and is one consistent cut', async () => {
    const ddb = ddbClient(nimbus);
    await createSourceTable(ddb, 'src');
    const acknowledged = new Set<number>();
    const put = (i: number) => ddb.send(new PutItemCommand({ TableName: 'src', Item: sourceItem(i) })).then(() => acknowledged.add(i));
    const first = Array.from({ length: 60 }, (_, i) => put(i));
    await Promise.all(first.slice(0, 20));
    const before = new Set(acknowledged);
    const backup = backupOf(ddb, 'src');
    const rest = Array.from({ length: 60 }, (_, i) => put(60 + i));
    const arn = await backup;
    await Promise.all([...first, ...rest]);
    await ddb.send(new RestoreTableFromBackupCommand({ TargetTableName: 'dst', BackupArn: arn }));
    const items = await scanAll(ddb, 'dst');
    const restored = new Set(items.map((i) => Number(i.sk!.N)));
    for (const i of before) expect(restored.has(i)).toBe(true);
    for (const i of restored) expect(items.find((x) => Number(x.sk!.N) === i)).toEqual(sourceItem(i));
    const t = await describeTable(ddb, 'dst');
    expect(t.ItemCount).toBe(items.length);
    // Every index agrees with the restored items: the sparse GSI holds exactly those with g.
    expect((await scanAll(ddb, 'dst', 'by-g')).length).toBe(items.filter((i) => i.g).length);
    expect(t.GlobalSecondaryIndexes!.find((g) => g.IndexName === 'by-g')!.ItemCount).toBe(items.filter((i) => i.g).length);
  });
});

describe('overrides', () => {
  it('GSI subset with another projection, no LSIs, PROVISIONED billing, another KMS key', async () => {
    const ddb = ddbClient(nimbus);
    await createSourceTable(ddb, 'src');
    await seed(ddb, 'src', 12);
    const arn = await backupOf(ddb, 'src');
    const out = await ddb.send(
      new RestoreTableFromBackupCommand({
        TargetTableName: 'dst',
        BackupArn: arn,
        BillingModeOverride: 'PROVISIONED',
        ProvisionedThroughputOverride: { ReadCapacityUnits: 11, WriteCapacityUnits: 12 },
        GlobalSecondaryIndexOverride: [
          {
            IndexName: 'by-h',
            KeySchema: [{ AttributeName: 'h', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'KEYS_ONLY' },
            ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 2 },
          },
        ],
        LocalSecondaryIndexOverride: [],
        SSESpecificationOverride: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: 'alias/other' },
      }),
    );
    expect(out.TableDescription!.AttributeDefinitions!.map((a) => a.AttributeName)).toEqual(['h', 'pk', 'sk']);
    const t = await describeTable(ddb, 'dst');
    expect(t.BillingModeSummary).toBeUndefined();
    expect(t.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 11, WriteCapacityUnits: 12 });
    expect(t.LocalSecondaryIndexes).toBeUndefined();
    expect(t.GlobalSecondaryIndexes).toMatchObject([
      { IndexName: 'by-h', Projection: { ProjectionType: 'KEYS_ONLY' }, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 2 }, ItemCount: 9 },
    ]);
    expect(t.SSEDescription?.KMSMasterKeyArn).toBe('arn:aws:kms:us-east-1:000000000000:alias/other');
    const h1 = await queryAll(ddb, { TableName: 'dst', IndexName: 'by-h', KeyConditionExpression: 'h = :v', ExpressionAttributeValues: { ':v': S('h1') } });
    expect(h1.length).toBeGreaterThan(0);
    for (const item of h1) expect(Object.keys(item).sort()).toEqual(['h', 'pk', 'sk']);
    await expectError(
      ddb.send(new QueryCommand({ TableName: 'dst', IndexName: 'by-g', KeyConditionExpression: 'g = :v', ExpressionAttributeValues: { ':v': S('g1') } })),
      'ValidationException',
      'The table does not have the specified index: by-g',
    );
  });

  it('a provisioned backup restored on demand drops every throughput', async () => {
    const ddb = ddbClient(nimbus);
    await createSourceTable(ddb, 'src', { provisioned: true });
    await ddb.send(new RestoreTableFromBackupCommand({ TargetTableName: 'dst', BackupArn: await backupOf(ddb, 'src'), BillingModeOverride: 'PAY_PER_REQUEST' }));
    const t = await describeTable(ddb, 'dst');
    expect(t.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(t.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 0, WriteCapacityUnits: 0 });
    expect(t.GlobalSecondaryIndexes!.map((g) => g.ProvisionedThroughput?.ReadCapacityUnits)).toEqual([0, 0]);
  });

  it('invalid overrides: ValidationException, no table created', async () => {
    const ddb = ddbClient(nimbus);
    await createSourceTable(ddb, 'src');
    const arn = await backupOf(ddb, 'src');
    const restore = (extra: object) => ddb.send(new RestoreTableFromBackupCommand({ TargetTableName: 'dst', BackupArn: arn, ...extra }));
    await expectError(
      restore({ BillingModeOverride: 'PROVISIONED' }),
      'ValidationException',
      'One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED',
    );
    await expectError(
      restore({ BillingModeOverride: 'PROVISIONED', ProvisionedThroughputOverride: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }),
      'ValidationException',
      'One or more parameter values were invalid: ProvisionedThroughput is not specified for index: by-g',
    );
    await expectError(
      restore({ ProvisionedThroughputOverride: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }),
      'ValidationException',
      'One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST',
    );
    await expectError(
      restore({ GlobalSecondaryIndexOverride: [{ IndexName: 'by-x', KeySchema: [{ AttributeName: 'h', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }] }),
      'ValidationException',
      'One or more parameter values were invalid: The global secondary index by-x does not exist in the backup',
    );
    await expectError(
      restore({ GlobalSecondaryIndexOverride: [{ IndexName: 'by-h', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }] }),
      'ValidationException',
      'One or more parameter values were invalid: The KeySchema of global secondary index by-h does not match the backup',
    );
    await expectError(
      restore({ LocalSecondaryIndexOverride: [{ IndexName: 'by-ls', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'ls', KeyType: 'RANGE' }], Projection: { ProjectionType: 'INCLUDE' } }] }),
      'ValidationException',
      'One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified',
    );
    await expectError(ddb.send(new DescribeTableCommand({ TableName: 'dst' })), 'ResourceNotFoundException');
  });
});
