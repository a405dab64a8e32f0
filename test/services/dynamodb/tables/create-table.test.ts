import { CreateTableCommand, DescribeTableCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, expectError } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });

const S = (AttributeName: string) => ({ AttributeName, AttributeType: 'S' as const });
const N = (AttributeName: string) => ({ AttributeName, AttributeType: 'N' as const });
const HASH = (AttributeName: string) => ({ AttributeName, KeyType: 'HASH' as const });
const RANGE = (AttributeName: string) => ({ AttributeName, KeyType: 'RANGE' as const });
const ALL = { ProjectionType: 'ALL' as const };

function base(overrides: Partial<CreateTableCommandInput> = {}): CreateTableCommandInput {
  return {
    TableName: 'music',
    AttributeDefinitions: [S('artist'), S('song')],
    KeySchema: [HASH('artist'), RANGE('song')],
    BillingMode: 'PAY_PER_REQUEST',
    ...overrides,
  };
}

const P = 'One or more parameter values were invalid: ';

/** Requests CreateTable must refuse, with AWS's message (ValidationException unless stated). */
const invalid: [string, Partial<CreateTableCommandInput>, string][] = [
  ['unused attribute definition, no index', { AttributeDefinitions: [S('artist'), S('song'), S('year')] },
    `${P}Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions`],
  ['missing attribute definition, no index', { AttributeDefinitions: [S('artist')] },
    'Invalid KeySchema: Some index key attribute have no definition'],
  ['other attribute definition, no index', { AttributeDefinitions: [S('artist'), S('year')] },
    `${P}Some index key attributes are not defined in AttributeDefinitions. Keys: [artist, song], AttributeDefinitions: [artist, year]`],
  ['unused attribute definition with an index', {
    AttributeDefinitions: [S('artist'), S('song'), S('genre'), N('year')],
    GlobalSecondaryIndexes: [{ IndexName: 'by-genre', KeySchema: [HASH('genre')], Projection: ALL }],
  }, `${P}Some AttributeDefinitions are not used. AttributeDefinitions: [artist, song, genre, year], keys used: [artist, song, genre]`],
  ['missing attribute definition with an index', {
    GlobalSecondaryIndexes: [{ IndexName: 'by-genre', KeySchema: [HASH('genre')], Projection: ALL }],
  }, `${P}Some index key attributes are not defined in AttributeDefinitions. Keys: [genre], AttributeDefinitions: [artist, song]`],
  ['duplicate attribute definition', { AttributeDefinitions: [S('artist'), S('song'), S('song')] }, 'Attribute Name is duplicated: song'],
  ['range key first', { KeySchema: [RANGE('song'), HASH('artist')] }, 'Invalid KeySchema: The first KeySchemaElement is not a HASH key type'],
  ['two hash keys', { KeySchema: [HASH('artist'), HASH('song')] }, 'Invalid KeySchema: The second KeySchemaElement is not a RANGE key type'],
  ['three key elements', { AttributeDefinitions: [S('artist'), S('song'), S('year')], KeySchema: [HASH('artist'), RANGE('song'), RANGE('year')] },
    `${P}The KeySchema exceeds the maximum allowed number of RANGE key attributes`],
  ['hash and range with one name', { AttributeDefinitions: [S('artist')], KeySchema: [HASH('artist'), RANGE('artist')] },
    'Both the Hash Key and the Range Key element in the KeySchema have the same name'],
  ['LSI on a table without a sort key', {
    AttributeDefinitions: [S('artist'), S('album')], KeySchema: [HASH('artist')],
    LocalSecondaryIndexes: [{ IndexName: 'by-album', KeySchema: [HASH('artist'), RANGE('album')], Projection: ALL }],
  }, `${P}Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex`],
  ['LSI with another hash key', {
    AttributeDefinitions: [S('artist'), S('song'), S('album')],
    LocalSecondaryIndexes: [{ IndexName: 'by-album', KeySchema: [HASH('album'), RANGE('song')], Projection: ALL }],
  }, `${P}Index KeySchema does not have the same leading hash key as table KeySchema for index: by-album. index hash key: album, table hash key: artist`],
  ['LSI without a range key', {
    LocalSecondaryIndexes: [{ IndexName: 'by-artist', KeySchema: [HASH('artist')], Projection: ALL }],
  }, `${P}Index KeySchema does not have a range key for index: by-artist`],
  ['six LSIs', {
    AttributeDefinitions: [S('artist'), S('song'), ...[1, 2, 3, 4, 5, 6].map((i) => S(`a${i}`))],
    LocalSecondaryIndexes: [1, 2, 3, 4, 5, 6].map((i) => ({ IndexName: `lsi${i}`, KeySchema: [HASH('artist'), RANGE(`a${i}`)], Projection: ALL })),
  }, `${P}Number of LocalSecondaryIndexes exceeds per-table limit of 5`],
  ['21 GSIs', {
    AttributeDefinitions: [S('artist'), S('song'), ...Array.from({ length: 21 }, (_, i) => S(`g${i}`))],
    GlobalSecondaryIndexes: Array.from({ length: 21 }, (_, i) => ({ IndexName: `gsi${i}`, KeySchema: [HASH(`g${i}`)], Projection: ALL })),
  }, `${P}GlobalSecondaryIndex count exceeds the per-table limit of 20`],
  ['empty GSI list', { GlobalSecondaryIndexes: [] }, `${P}List of GlobalSecondaryIndexes is empty`],
  ['duplicate index names', {
    AttributeDefinitions: [S('artist'), S('song'), S('genre')],
    GlobalSecondaryIndexes: [
      { IndexName: 'idx', KeySchema: [HASH('genre')], Projection: ALL },
      { IndexName: 'idx', KeySchema: [HASH('song')], Projection: ALL },
    ],
  }, `${P}Duplicate index name: idx`],
  ['INCLUDE without NonKeyAttributes', {
    AttributeDefinitions: [S('artist'), S('song'), S('genre')],
    GlobalSecondaryIndexes: [{ IndexName: 'by-genre', KeySchema: [HASH('genre')], Projection: { ProjectionType: 'INCLUDE' } }],
  }, `${P}ProjectionType is INCLUDE, but NonKeyAttributes is not specified`],
  ['KEYS_ONLY with NonKeyAttributes', {
    AttributeDefinitions: [S('artist'), S('song'), S('genre')],
    GlobalSecondaryIndexes: [{ IndexName: 'by-genre', KeySchema: [HASH('genre')], Projection: { ProjectionType: 'KEYS_ONLY', NonKeyAttributes: ['x'] } }],
  }, `${P}ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified`],
  ['no ProjectionType', {
    AttributeDefinitions: [S('artist'), S('song'), S('genre')],
    GlobalSecondaryIndexes: [{ IndexName: 'by-genre', KeySchema: [HASH('genre')], Projection: {} }],
  }, `${P}Unknown ProjectionType: null`],
  ['PROVISIONED without throughput', { BillingMode: 'PROVISIONED' },
    `${P}ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED`],
  ['default billing without throughput', { BillingMode: undefined },
    `${P}ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED`],
  ['PAY_PER_REQUEST with throughput', { ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } },
    `${P}Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST`],
  ['PROVISIONED GSI without throughput', {
    BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
    AttributeDefinitions: [S('artist'), S('song'), S('genre')],
    GlobalSecondaryIndexes: [{ IndexName: 'by-genre', KeySchema: [HASH('genre')], Projection: ALL }],
  }, `${P}ProvisionedThroughput is not specified for index: by-genre`],
  ['PAY_PER_REQUEST GSI with throughput', {
    AttributeDefinitions: [S('artist'), S('song'), S('genre')],
    GlobalSecondaryIndexes: [{ IndexName: 'by-genre', KeySchema: [HASH('genre')], Projection: ALL, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }],
  }, `${P}ProvisionedThroughput should not be specified for index: by-genre when BillingMode is PAY_PER_REQUEST`],
  ['stream enabled without a view type', { StreamSpecification: { StreamEnabled: true } },
    `${P}Table is being created with a stream enabled, UpdateViewType is required`],
  ['stream disabled with a view type', { StreamSpecification: { StreamEnabled: false, StreamViewType: 'KEYS_ONLY' } },
    `${P}Table is being created with a stream disabled, UpdateViewType should not be specified`],
  ['SSEType with SSE disabled', { SSESpecification: { Enabled: false, SSEType: 'KMS' } }, `${P}SSEType can not be specified if Enabled is false`],
];

describe('CreateTable validation', () => {
  it.each(invalid)('refuses %s', async (_name, overrides, message) => {
    const ddb = ddbClient(nimbus);
    await expectError(ddb.send(new CreateTableCommand(base(overrides))), 'ValidationException', message);
  });

  // DynamoDB's validator quotes numbers, where other JSON services print them bare.
  it('quotes numbers in model validation messages, as DynamoDB does', async () => {
    const ddb = ddbClient(nimbus);
    await expectError(
      ddb.send(new CreateTableCommand(base({ BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 1 } }))),
      'ValidationException',
      "1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });
});

describe('CreateTable', () => {
  it('answers CREATING, then DescribeTable shows the table ACTIVE with every field', async () => {
    const ddb = ddbClient(nimbus);
    const created = await ddb.send(
      new CreateTableCommand(
        base({
          AttributeDefinitions: [S('song'), S('artist'), N('year'), S('genre')],
          LocalSecondaryIndexes: [{ IndexName: 'by-year', KeySchema: [HASH('artist'), RANGE('year')], Projection: { ProjectionType: 'KEYS_ONLY' } }],
          GlobalSecondaryIndexes: [{ IndexName: 'by-genre', KeySchema: [HASH('genre'), RANGE('year')], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['album'] } }],
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
          Tags: [{ Key: 'team', Value: 'core' }],
          DeletionProtectionEnabled: true,
          TableClass: 'STANDARD_INFREQUENT_ACCESS',
        }),
      ),
    );
    const t = created.TableDescription!;
    expect(t.TableStatus).toBe('CREATING');
    expect(t.GlobalSecondaryIndexes![0]!.IndexStatus).toBe('CREATING');
    expect(t.TableArn).toBe('arn:aws:dynamodb:us-east-1:000000000000:table/music');
    expect(t.TableId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(t.LatestStreamArn).toBe(`${t.TableArn}/stream/${t.LatestStreamLabel}`);
    expect(t.LatestStreamLabel).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);

    const { Table: d } = await ddb.send(new DescribeTableCommand({ TableName: 'music' }));
    expect(d!.TableStatus).toBe('ACTIVE');
    expect(d!.ItemCount).toBe(0);
    expect(d!.TableSizeBytes).toBe(0);
    expect(d!.TableId).toBe(t.TableId);
    // AttributeDefinitions come back sorted by name, as AWS returns them.
    expect(d!.AttributeDefinitions).toEqual([S('artist'), S('genre'), S('song'), N('year')]);
    expect(d!.KeySchema).toEqual([HASH('artist'), RANGE('song')]);
    expect(d!.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(d!.BillingModeSummary?.LastUpdateToPayPerRequestDateTime).toBeInstanceOf(Date);
    expect(d!.ProvisionedThroughput).toEqual({ NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 });
    expect(d!.LocalSecondaryIndexes).toEqual([
      {
        IndexName: 'by-year', KeySchema: [HASH('artist'), RANGE('year')], Projection: { ProjectionType: 'KEYS_ONLY' },
        IndexSizeBytes: 0, ItemCount: 0, IndexArn: `${t.TableArn}/index/by-year`,
      },
    ]);
    const gsi = d!.GlobalSecondaryIndexes![0]!;
    expect(gsi).toMatchObject({
      IndexName: 'by-genre', IndexStatus: 'ACTIVE', KeySchema: [HASH('genre'), RANGE('year')],
      Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['album'] }, IndexArn: `${t.TableArn}/index/by-genre`,
      ItemCount: 0, IndexSizeBytes: 0,
    });
    expect(d!.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(d!.LatestStreamArn).toBe(t.LatestStreamArn);
    expect(d!.DeletionProtectionEnabled).toBe(true);
    expect(d!.TableClassSummary?.TableClass).toBe('STANDARD_INFREQUENT_ACCESS');
    expect(d!.CreationDateTime).toBeInstanceOf(Date);
  });

  it('keeps PROVISIONED throughput and reports it', async () => {
    const ddb = ddbClient(nimbus);
    await ddb.send(new CreateTableCommand(base({ BillingMode: undefined, ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 3 } })));
    const { Table: d } = await ddb.send(new DescribeTableCommand({ TableName: 'music' }));
    expect(d!.ProvisionedThroughput).toEqual({ NumberOfDecreasesToday: 0, ReadCapacityUnits: 7, WriteCapacityUnits: 3 });
    expect(d!.BillingModeSummary).toBeUndefined();
  });

  it('refuses a second table with the same name (ResourceInUseException)', async () => {
    const ddb = ddbClient(nimbus);
    await ddb.send(new CreateTableCommand(base()));
    await expectError(ddb.send(new CreateTableCommand(base())), 'ResourceInUseException', 'Table already exists: music');
  });

  it('scopes tables by region: the same name in another region is another table', async () => {
    const east = ddbClient(nimbus);
    const west = ddbClient(nimbus, { region: 'eu-west-1' });
    await east.send(new CreateTableCommand(base()));
    await expectError(west.send(new DescribeTableCommand({ TableName: 'music' })), 'ResourceNotFoundException', 'Requested resource not found: Table: music not found');
    const created = await west.send(new CreateTableCommand(base()));
    expect(created.TableDescription!.TableArn).toBe('arn:aws:dynamodb:eu-west-1:000000000000:table/music');
  });

  it('answers DescribeTable for a missing table with ResourceNotFoundException', async () => {
    await expectError(
      ddbClient(nimbus).send(new DescribeTableCommand({ TableName: 'nope' })),
      'ResourceNotFoundException',
      'Requested resource not found: Table: nope not found',
    );
  });

  it('accepts the table ARN as TableName', async () => {
    const ddb = ddbClient(nimbus);
    await ddb.send(new CreateTableCommand(base()));
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName: 'arn:aws:dynamodb:us-east-1:000000000000:table/music' }));
    expect(Table!.TableName).toBe('music');
  });
});
