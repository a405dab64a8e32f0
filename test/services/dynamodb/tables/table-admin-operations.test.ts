import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeContinuousBackupsCommand,
  DescribeEndpointsCommand,
  DescribeLimitsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  paginateListTables,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, expectError } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });
const ARN = (name: string) => `arn:aws:dynamodb:us-east-1:000000000000:table/${name}`;

async function create(name: string, extra: Record<string, unknown> = {}): Promise<void> {
  await ddbClient(nimbus).send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      ...extra,
    }),
  );
}

describe('ListTables', () => {
  it('lists names in order, page by page', async () => {
    for (const n of ['delta', 'alpha', 'charlie', 'bravo', 'echo']) await create(n);
    const ddb = ddbClient(nimbus);
    const first = await ddb.send(new ListTablesCommand({ Limit: 2 }));
    expect(first).toMatchObject({ TableNames: ['alpha', 'bravo'], LastEvaluatedTableName: 'bravo' });
    const second = await ddb.send(new ListTablesCommand({ Limit: 2, ExclusiveStartTableName: 'bravo' }));
    expect(second).toMatchObject({ TableNames: ['charlie', 'delta'], LastEvaluatedTableName: 'delta' });
    const last = await ddb.send(new ListTablesCommand({ Limit: 2, ExclusiveStartTableName: 'delta' }));
    expect(last.TableNames).toEqual(['echo']);
    expect(last.LastEvaluatedTableName).toBeUndefined();
    const all: string[] = [];
    for await (const page of paginateListTables({ client: ddb, pageSize: 3 }, {})) all.push(...(page.TableNames ?? []));
    expect(all).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
  });
});

describe('DeleteTable', () => {
  it('answers DELETING and the table is gone', async () => {
    await create('t');
    const ddb = ddbClient(nimbus);
    const out = await ddb.send(new DeleteTableCommand({ TableName: 't' }));
    expect(out.TableDescription).toMatchObject({ TableName: 't', TableStatus: 'DELETING', TableArn: ARN('t') });
    await expectError(ddb.send(new DescribeTableCommand({ TableName: 't' })), 'ResourceNotFoundException', 'Requested resource not found: Table: t not found');
    await expectError(ddb.send(new DeleteTableCommand({ TableName: 't' })), 'ResourceNotFoundException', 'Requested resource not found: Table: t not found');
  });

  it('refuses a table with deletion protection until it is turned off', async () => {
    await create('t', { DeletionProtectionEnabled: true });
    const ddb = ddbClient(nimbus);
    await expectError(
      ddb.send(new DeleteTableCommand({ TableName: 't' })),
      'ValidationException',
      'Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.',
    );
    await ddb.send(new UpdateTableCommand({ TableName: 't', DeletionProtectionEnabled: false }));
    await ddb.send(new DeleteTableCommand({ TableName: 't' }));
  });

  it('gives a recreated table a new TableId', async () => {
    await create('t');
    const ddb = ddbClient(nimbus);
    const before = (await ddb.send(new DescribeTableCommand({ TableName: 't' }))).Table!.TableId;
    await ddb.send(new DeleteTableCommand({ TableName: 't' }));
    await create('t');
    const after = (await ddb.send(new DescribeTableCommand({ TableName: 't' }))).Table!.TableId;
    expect(after).not.toBe(before);
  });
});

describe('Tags', () => {
  it('tags at creation, adds, replaces, removes and lists', async () => {
    await create('t', { Tags: [{ Key: 'a', Value: '1' }] });
    const ddb = ddbClient(nimbus);
    await ddb.send(new TagResourceCommand({ ResourceArn: ARN('t'), Tags: [{ Key: 'b', Value: '2' }, { Key: 'a', Value: 'one' }] }));
    let { Tags } = await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: ARN('t') }));
    expect(Tags).toEqual([{ Key: 'b', Value: '2' }, { Key: 'a', Value: 'one' }]);
    await ddb.send(new UntagResourceCommand({ ResourceArn: ARN('t'), TagKeys: ['b', 'missing'] }));
    ({ Tags } = await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: ARN('t') })));
    expect(Tags).toEqual([{ Key: 'a', Value: 'one' }]);
  });

  it('answers AWS messages for bad ARNs, missing tables and bad tags', async () => {
    await create('t');
    const ddb = ddbClient(nimbus);
    await expectError(ddb.send(new ListTagsOfResourceCommand({ ResourceArn: 't' })), 'ValidationException', "One or more parameter values were invalid: ARNs must start with 'arn:': t");
    await expectError(ddb.send(new ListTagsOfResourceCommand({ ResourceArn: ARN('nope') })), 'ResourceNotFoundException', `Requested resource not found: ResourcArn: ${ARN('nope')} not found`);
    await expectError(
      ddb.send(new ListTagsOfResourceCommand({ ResourceArn: `${ARN('t')}/index/i` })),
      'ValidationException',
      `One or more parameter values were invalid: Invalid resource arn provided, only table or stream is accepted. Provided resource arn: ${ARN('t')}/index/i`,
    );
    await expectError(ddb.send(new TagResourceCommand({ ResourceArn: ARN('t'), Tags: [] })), 'ValidationException', 'Atleast one Tag needs to be provided as Input.');
    await expectError(ddb.send(new TagResourceCommand({ ResourceArn: ARN('t'), Tags: [{ Key: 'aws:x', Value: 'v' }] })), 'ValidationException', 'Tag Key cannot be prefixed with aws:, Key: aws:x');
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expectError(ddb.send(new TagResourceCommand({ ResourceArn: ARN('t'), Tags: many })), 'ValidationException', 'Number of Tags exceed the current limit for the provided ResourceArn');
  });
});

describe('Time to Live', () => {
  it('is DISABLED until enabled, and refuses repeated or conflicting changes', async () => {
    await create('t');
    const ddb = ddbClient(nimbus);
    expect((await ddb.send(new DescribeTimeToLiveCommand({ TableName: 't' }))).TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'DISABLED' });
    const out = await ddb.send(new UpdateTimeToLiveCommand({ TableName: 't', TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } }));
    expect(out.TimeToLiveSpecification).toEqual({ Enabled: true, AttributeName: 'expires' });
    expect((await ddb.send(new DescribeTimeToLiveCommand({ TableName: 't' }))).TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expires' });
    await expectError(ddb.send(new UpdateTimeToLiveCommand({ TableName: 't', TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } })), 'ValidationException', 'TimeToLive is already enabled');
    await expectError(
      ddb.send(new UpdateTimeToLiveCommand({ TableName: 't', TimeToLiveSpecification: { Enabled: true, AttributeName: 'other' } })),
      'ValidationException',
      'TimeToLive is active on a different AttributeName: current AttributeName is expires',
    );
    await ddb.send(new UpdateTimeToLiveCommand({ TableName: 't', TimeToLiveSpecification: { Enabled: false, AttributeName: 'expires' } }));
    await expectError(ddb.send(new UpdateTimeToLiveCommand({ TableName: 't', TimeToLiveSpecification: { Enabled: false, AttributeName: 'expires' } })), 'ValidationException', 'TimeToLive is already disabled');
    await expectError(ddb.send(new DescribeTimeToLiveCommand({ TableName: 'nope' })), 'ResourceNotFoundException', 'Requested resource not found: Table: nope not found');
  });
});

describe('Continuous backups', () => {
  it('reports PITR disabled, then enabled with its window', async () => {
    await create('t');
    const ddb = ddbClient(nimbus);
    const before = await ddb.send(new DescribeContinuousBackupsCommand({ TableName: 't' }));
    expect(before.ContinuousBackupsDescription).toEqual({ ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } });
    const updated = await ddb.send(new UpdateContinuousBackupsCommand({ TableName: 't', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 7 } }));
    const pitr = updated.ContinuousBackupsDescription!.PointInTimeRecoveryDescription!;
    expect(pitr.PointInTimeRecoveryStatus).toBe('ENABLED');
    expect(pitr.RecoveryPeriodInDays).toBe(7);
    expect(pitr.EarliestRestorableDateTime).toBeInstanceOf(Date);
    expect(pitr.LatestRestorableDateTime).toBeInstanceOf(Date);
    await expectError(
      ddb.send(new UpdateContinuousBackupsCommand({ TableName: 't', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false, RecoveryPeriodInDays: 7 } })),
      'ValidationException',
      'Invalid Request: Cannot specify RecoveryPeriodInDays when disabling point-in-time recovery.',
    );
    await expectError(ddb.send(new DescribeContinuousBackupsCommand({ TableName: 'nope' })), 'TableNotFoundException', 'Table not found: nope');
  });
});

describe('DescribeLimits and DescribeEndpoints', () => {
  it('answer the default quotas and an endpoint', async () => {
    const ddb = ddbClient(nimbus);
    expect(await ddb.send(new DescribeLimitsCommand({}))).toMatchObject({
      AccountMaxReadCapacityUnits: 80000, AccountMaxWriteCapacityUnits: 80000, TableMaxReadCapacityUnits: 40000, TableMaxWriteCapacityUnits: 40000,
    });
    const { Endpoints } = await ddb.send(new DescribeEndpointsCommand({}));
    expect(Endpoints).toHaveLength(1);
    expect(Endpoints![0]!.CachePeriodInMinutes).toBe(1440);
    expect(Endpoints![0]!.Address).toMatch(/:\d+$/);
  });
});
