import { CreateTableCommand, DescribeTableCommand, UpdateTableCommand, type UpdateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, expectError } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });
const P = 'One or more parameter values were invalid: ';
const PT = (r: number, w: number) => ({ ReadCapacityUnits: r, WriteCapacityUnits: w });

async function createTables(): Promise<void> {
  const ddb = ddbClient(nimbus);
  await ddb.send(
    new CreateTableCommand({
      TableName: 'ppr',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: [{ IndexName: 'by-g', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await ddb.send(
    new CreateTableCommand({
      TableName: 'prov',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      ProvisionedThroughput: PT(5, 5),
    }),
  );
}

describe('UpdateTable', () => {
  beforeEach(createTables);

  const refused: [string, UpdateTableCommandInput, string, string?][] = [
    ['nothing to change', { TableName: 'ppr' },
      'At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required'],
    ['throughput on a PAY_PER_REQUEST table', { TableName: 'ppr', ProvisionedThroughput: PT(1, 1) },
      `${P}Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST`],
    ['PROVISIONED without throughput', { TableName: 'ppr', BillingMode: 'PROVISIONED' },
      `${P}ProvisionedThroughput must be specified when BillingMode is PROVISIONED`],
    ['PROVISIONED without the GSI throughput', { TableName: 'ppr', BillingMode: 'PROVISIONED', ProvisionedThroughput: PT(1, 1) },
      `${P}ProvisionedThroughput must be specified for index: by-g`],
    ['the same throughput again', { TableName: 'prov', ProvisionedThroughput: PT(5, 5) },
      'The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: 5. Requested ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the table: 5. Requested WriteCapacityUnits: 5. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.'],
    ['disabling a stream that is not there', { TableName: 'ppr', StreamSpecification: { StreamEnabled: false } }, 'Table has no stream to disable: TableName: ppr'],
    ['enabling a stream without a view type', { TableName: 'ppr', StreamSpecification: { StreamEnabled: true } }, `${P}If stream is being enabled then UpdateViewType is required`],
    ['SSE with another change', { TableName: 'ppr', SSESpecification: { Enabled: true }, DeletionProtectionEnabled: true },
      `${P}Server-Side Encryption modification must be the only operation in the request`],
    ['a GSI created while changing the stream', {
      TableName: 'ppr', StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
      AttributeDefinitions: [{ AttributeName: 'h', AttributeType: 'S' }],
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'by-h', KeySchema: [{ AttributeName: 'h', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
    }, `${P}You cannot create or delete index while changing stream status`],
    ['an existing index created again', {
      TableName: 'ppr', AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }],
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'by-g', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
    }, 'Attempting to create an index which already exists'],
    ['two index creations at once', {
      TableName: 'ppr', AttributeDefinitions: [{ AttributeName: 'a', AttributeType: 'S' }, { AttributeName: 'b', AttributeType: 'S' }],
      GlobalSecondaryIndexUpdates: [
        { Create: { IndexName: 'by-a', KeySchema: [{ AttributeName: 'a', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } },
        { Create: { IndexName: 'by-b', KeySchema: [{ AttributeName: 'b', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } },
      ],
    }, 'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table', 'LimitExceededException'],
    ['a missing index deleted', { TableName: 'ppr', GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'nope' } }] },
      'Requested resource not found: Index nope for table ppr', 'ResourceNotFoundException'],
    ['a missing table', { TableName: 'nope', DeletionProtectionEnabled: true }, 'Requested resource not found: Table: nope not found', 'ResourceNotFoundException'],
  ];

  it.each(refused)('refuses %s', async (_name, input, message, code = 'ValidationException') => {
    await expectError(ddbClient(nimbus).send(new UpdateTableCommand(input)), code, message);
  });

  it('switches billing modes both ways', async () => {
    const ddb = ddbClient(nimbus);
    const toProvisioned = await ddb.send(
      new UpdateTableCommand({
        TableName: 'ppr', BillingMode: 'PROVISIONED', ProvisionedThroughput: PT(4, 2),
        GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'by-g', ProvisionedThroughput: PT(3, 1) } }],
      }),
    );
    expect(toProvisioned.TableDescription!.TableStatus).toBe('UPDATING');
    let { Table: t } = await ddb.send(new DescribeTableCommand({ TableName: 'ppr' }));
    expect(t!.TableStatus).toBe('ACTIVE');
    expect(t!.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 4, WriteCapacityUnits: 2 });
    expect(t!.GlobalSecondaryIndexes![0]!.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 3, WriteCapacityUnits: 1 });
    expect(t!.BillingModeSummary?.BillingMode).toBe('PROVISIONED');

    await ddb.send(new UpdateTableCommand({ TableName: 'prov', ProvisionedThroughput: PT(2, 5) }));
    ({ Table: t } = await ddb.send(new DescribeTableCommand({ TableName: 'prov' })));
    expect(t!.ProvisionedThroughput!.NumberOfDecreasesToday).toBe(1);
    expect(t!.ProvisionedThroughput!.LastDecreaseDateTime).toBeInstanceOf(Date);

    await ddb.send(new UpdateTableCommand({ TableName: 'prov', BillingMode: 'PAY_PER_REQUEST' }));
    ({ Table: t } = await ddb.send(new DescribeTableCommand({ TableName: 'prov' })));
    expect(t!.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(t!.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 0, WriteCapacityUnits: 0 });
  });

  it('creates a GSI (CREATING in the answer, ACTIVE after) and deletes it (DELETING in the answer, gone after)', async () => {
    const ddb = ddbClient(nimbus);
    const created = await ddb.send(
      new UpdateTableCommand({
        TableName: 'ppr',
        AttributeDefinitions: [{ AttributeName: 'h', AttributeType: 'N' }],
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'by-h', KeySchema: [{ AttributeName: 'h', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } } }],
      }),
    );
    const shown = created.TableDescription!.GlobalSecondaryIndexes!.find((g) => g.IndexName === 'by-h')!;
    expect(shown).toMatchObject({ IndexStatus: 'CREATING', Backfilling: false });
    let { Table: t } = await ddb.send(new DescribeTableCommand({ TableName: 'ppr' }));
    expect(t!.GlobalSecondaryIndexes!.map((g) => [g.IndexName, g.IndexStatus])).toEqual([['by-g', 'ACTIVE'], ['by-h', 'ACTIVE']]);
    expect(t!.AttributeDefinitions!.map((a) => a.AttributeName)).toEqual(['g', 'h', 'pk']);

    const deleted = await ddb.send(new UpdateTableCommand({ TableName: 'ppr', GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'by-g' } }] }));
    expect(deleted.TableDescription!.GlobalSecondaryIndexes!.map((g) => [g.IndexName, g.IndexStatus])).toEqual([['by-g', 'DELETING'], ['by-h', 'ACTIVE']]);
    ({ Table: t } = await ddb.send(new DescribeTableCommand({ TableName: 'ppr' })));
    expect(t!.GlobalSecondaryIndexes!.map((g) => g.IndexName)).toEqual(['by-h']);
    // The attribute only the deleted index used is pruned from AttributeDefinitions.
    expect(t!.AttributeDefinitions!.map((a) => a.AttributeName)).toEqual(['h', 'pk']);
  });

  it('enables, refuses to re-enable, disables and re-enables a stream with a new label', async () => {
    const ddb = ddbClient(nimbus);
    const first = await ddb.send(new UpdateTableCommand({ TableName: 'ppr', StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } }));
    const arn1 = first.TableDescription!.LatestStreamArn!;
    expect(arn1).toMatch(/^arn:aws:dynamodb:us-east-1:000000000000:table\/ppr\/stream\/\d{4}-/);
    await expectError(
      ddb.send(new UpdateTableCommand({ TableName: 'ppr', StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } })),
      'ValidationException',
      'Table already has an enabled stream: TableName: ppr',
    );
    await ddb.send(new UpdateTableCommand({ TableName: 'ppr', StreamSpecification: { StreamEnabled: false } }));
    let { Table: t } = await ddb.send(new DescribeTableCommand({ TableName: 'ppr' }));
    expect(t!.StreamSpecification).toBeUndefined();
    expect(t!.LatestStreamArn).toBe(arn1);
    await ddb.send(new UpdateTableCommand({ TableName: 'ppr', StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } }));
    ({ Table: t } = await ddb.send(new DescribeTableCommand({ TableName: 'ppr' })));
    expect(t!.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });
    expect(t!.LatestStreamArn).not.toBe(arn1);
  });

  it('changes deletion protection, table class and encryption', async () => {
    const ddb = ddbClient(nimbus);
    await ddb.send(new UpdateTableCommand({ TableName: 'ppr', DeletionProtectionEnabled: true }));
    await ddb.send(new UpdateTableCommand({ TableName: 'ppr', TableClass: 'STANDARD_INFREQUENT_ACCESS' }));
    await ddb.send(new UpdateTableCommand({ TableName: 'ppr', SSESpecification: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: 'my-key' } }));
    const { Table: t } = await ddb.send(new DescribeTableCommand({ TableName: 'ppr' }));
    expect(t!.DeletionProtectionEnabled).toBe(true);
    expect(t!.TableClassSummary?.TableClass).toBe('STANDARD_INFREQUENT_ACCESS');
    expect(t!.TableClassSummary?.LastUpdateDateTime).toBeInstanceOf(Date);
    expect(t!.SSEDescription).toEqual({ Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: 'arn:aws:kms:us-east-1:000000000000:key/my-key' });
  });
});
