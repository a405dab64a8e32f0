/**
 * ListBackups through the SDK: creation order, the table, time and type filters, Limit with
 * LastEvaluatedBackupArn/ExclusiveStartBackupArn, and scoping by account and region. Backups are
 * taken at times set by Nimbus's clock.
 */
import {
  CreateBackupCommand,
  CreateTableCommand,
  DeleteBackupCommand,
  DeleteTableCommand,
  ListBackupsCommand,
  type BackupSummary,
  type DynamoDBClient,
  type ListBackupsCommandInput,
} from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, expectError, TestClock } from './helpers.js';

const START = Date.UTC(2024, 4, 1, 12, 0, 0);
const HOUR = 3_600_000;
const clock = new TestClock(START);
const nimbus = useNimbus({ resetEach: true, clock });

beforeEach(() => {
  clock.ms = START;
});

async function table(ddb: DynamoDBClient, name: string): Promise<string> {
  const t = await ddb.send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  return t.TableDescription!.TableArn!;
}

/** Backups `<table>-<hour>` of `a` and `b`, alternating, one an hour from START: a-0, b-1, a-2, b-3, a-4, b-5. */
async function sixBackups(ddb: DynamoDBClient): Promise<string[]> {
  await table(ddb, 'a');
  await table(ddb, 'b');
  const arns: string[] = [];
  for (let h = 0; h < 6; h++) {
    clock.ms = START + h * HOUR;
    const name = h % 2 === 0 ? 'a' : 'b';
    arns.push((await ddb.send(new CreateBackupCommand({ TableName: name, BackupName: `${name}-${h}` }))).BackupDetails!.BackupArn!);
  }
  return arns;
}

const names = (list: BackupSummary[] | undefined) => (list ?? []).map((b) => b.BackupName);

async function listAll(ddb: DynamoDBClient, input: ListBackupsCommandInput): Promise<{ pages: string[][]; all: string[] }> {
  const pages: string[][] = [];
  let start: string | undefined;
  do {
    const out = await ddb.send(new ListBackupsCommand({ ...input, ExclusiveStartBackupArn: start }));
    pages.push(names(out.BackupSummaries) as string[]);
    start = out.LastEvaluatedBackupArn;
  } while (start && pages.length < 20);
  return { pages, all: pages.flat() };
}

describe('ListBackups', () => {
  it('lists every backup of the account and region, oldest first, with summaries', async () => {
    const ddb = ddbClient(nimbus);
    const arns = await sixBackups(ddb);
    const out = await ddb.send(new ListBackupsCommand({}));
    expect(names(out.BackupSummaries)).toEqual(['a-0', 'b-1', 'a-2', 'b-3', 'a-4', 'b-5']);
    expect(out.LastEvaluatedBackupArn).toBeUndefined();
    expect(out.BackupSummaries![1]).toEqual({
      TableName: 'b',
      TableId: expect.any(String),
      TableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/b',
      BackupArn: arns[1],
      BackupName: 'b-1',
      BackupCreationDateTime: new Date(START + HOUR),
      BackupStatus: 'AVAILABLE',
      BackupType: 'USER',
      BackupSizeBytes: 0,
    });
  });

  it('filters by table name or table ARN, also after the table is deleted', async () => {
    const ddb = ddbClient(nimbus);
    await sixBackups(ddb);
    expect(names((await ddb.send(new ListBackupsCommand({ TableName: 'a' }))).BackupSummaries)).toEqual(['a-0', 'a-2', 'a-4']);
    const arnOfB = 'arn:aws:dynamodb:us-east-1:000000000000:table/b';
    expect(names((await ddb.send(new ListBackupsCommand({ TableName: arnOfB }))).BackupSummaries)).toEqual(['b-1', 'b-3', 'b-5']);
    await ddb.send(new DeleteTableCommand({ TableName: 'b' }));
    expect(names((await ddb.send(new ListBackupsCommand({ TableName: 'b' }))).BackupSummaries)).toEqual(['b-1', 'b-3', 'b-5']);
    expect((await ddb.send(new ListBackupsCommand({ TableName: 'none' }))).BackupSummaries).toEqual([]);
    // Another region's ARN names no table here.
    expect((await ddb.send(new ListBackupsCommand({ TableName: arnOfB.replace('us-east-1', 'eu-west-1') }))).BackupSummaries).toEqual([]);
  });

  it('time range: the lower bound is inclusive, the upper bound exclusive', async () => {
    const ddb = ddbClient(nimbus);
    await sixBackups(ddb);
    const range = (from?: number, to?: number) =>
      ddb.send(new ListBackupsCommand({ TimeRangeLowerBound: from === undefined ? undefined : new Date(from), TimeRangeUpperBound: to === undefined ? undefined : new Date(to) }));
    expect(names((await range(START + HOUR, START + 4 * HOUR)).BackupSummaries)).toEqual(['b-1', 'a-2', 'b-3']);
    expect(names((await range(START + HOUR + 1, undefined)).BackupSummaries)).toEqual(['a-2', 'b-3', 'a-4', 'b-5']);
    expect(names((await range(undefined, START + HOUR)).BackupSummaries)).toEqual(['a-0']);
    expect(names((await ddb.send(new ListBackupsCommand({ TableName: 'b', TimeRangeUpperBound: new Date(START + 4 * HOUR) }))).BackupSummaries)).toEqual(['b-1', 'b-3']);
  });

  it('backup types: USER by default and under ALL; SYSTEM and AWS_BACKUP have none', async () => {
    const ddb = ddbClient(nimbus);
    await sixBackups(ddb);
    for (const type of ['USER', 'ALL'] as const) expect((await ddb.send(new ListBackupsCommand({ BackupType: type }))).BackupSummaries).toHaveLength(6);
    for (const type of ['SYSTEM', 'AWS_BACKUP'] as const) expect((await ddb.send(new ListBackupsCommand({ BackupType: type }))).BackupSummaries).toEqual([]);
  });

  it('pages by Limit: LastEvaluatedBackupArn while more follow, continued by ExclusiveStartBackupArn', async () => {
    const ddb = ddbClient(nimbus);
    const arns = await sixBackups(ddb);
    const first = await ddb.send(new ListBackupsCommand({ Limit: 4 }));
    expect(names(first.BackupSummaries)).toEqual(['a-0', 'b-1', 'a-2', 'b-3']);
    expect(first.LastEvaluatedBackupArn).toBe(arns[3]);
    const second = await ddb.send(new ListBackupsCommand({ Limit: 4, ExclusiveStartBackupArn: first.LastEvaluatedBackupArn }));
    expect(names(second.BackupSummaries)).toEqual(['a-4', 'b-5']);
    expect(second.LastEvaluatedBackupArn).toBeUndefined();
    // A page that ends exactly at the last backup says nothing follows.
    expect((await ddb.send(new ListBackupsCommand({ Limit: 6 }))).LastEvaluatedBackupArn).toBeUndefined();
    expect((await listAll(ddb, { Limit: 1 })).pages).toEqual([['a-0'], ['b-1'], ['a-2'], ['b-3'], ['a-4'], ['b-5']]);
    expect((await listAll(ddb, { Limit: 2, TableName: 'a' })).pages).toEqual([['a-0', 'a-2'], ['a-4']]);
  });

  it('the start ARN may be a deleted backup: listing continues after it', async () => {
    const ddb = ddbClient(nimbus);
    const arns = await sixBackups(ddb);
    await ddb.send(new DeleteBackupCommand({ BackupArn: arns[2] }));
    expect(names((await ddb.send(new ListBackupsCommand({ ExclusiveStartBackupArn: arns[2] }))).BackupSummaries)).toEqual(['b-3', 'a-4', 'b-5']);
    await expectError(ddb.send(new ListBackupsCommand({ ExclusiveStartBackupArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/a/stream/x' })), 'ValidationException');
  });

  it('Limit outside 1..100: ValidationException from the validator', async () => {
    const ddb = ddbClient(nimbus);
    await expectError(ddb.send(new ListBackupsCommand({ Limit: 0 })), 'ValidationException', /limit.*greater than or equal to 1/);
    await expectError(ddb.send(new ListBackupsCommand({ Limit: 101 })), 'ValidationException', /limit.*less than or equal to 100/);
  });

  it("is scoped to the caller's region", async () => {
    const ddb = ddbClient(nimbus);
    await sixBackups(ddb);
    const west = ddbClient(nimbus, { region: 'eu-west-1' });
    await table(west, 'a');
    await west.send(new CreateBackupCommand({ TableName: 'a', BackupName: 'west-a' }));
    expect(names((await west.send(new ListBackupsCommand({}))).BackupSummaries)).toEqual(['west-a']);
    expect((await ddb.send(new ListBackupsCommand({}))).BackupSummaries).toHaveLength(6);
  });
});
