/** ExecuteTransaction: atomic writes with cancellation reasons in order, snapshot reads, validation, tokens. */
import { ExecuteTransactionCommand, GetItemCommand, PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, expectError, hashTable, indexedTable } from '../items/helpers.js';

const nimbus = useNimbus({ resetEach: true });
const S = (s: string): AttributeValue => ({ S: s });
const N = (n: string | number): AttributeValue => ({ N: String(n) });

type Statement = string | { Statement: string; [k: string]: unknown };
const transact = (ddb: DynamoDBClient, statements: Statement[], extra: Record<string, unknown> = {}) =>
  ddb.send(new ExecuteTransactionCommand({ TransactStatements: statements.map((s) => (typeof s === 'string' ? { Statement: s } : s)), ...extra }));

async function seed(ddb: DynamoDBClient): Promise<void> {
  await hashTable(ddb, 'h');
  for (const [pk, v] of [['a', 1], ['b', 2], ['c', 3]] as const) await ddb.send(new PutItemCommand({ TableName: 'h', Item: { pk: S(pk), v: N(v) } }));
}
const get = async (ddb: DynamoDBClient, pk: string) => (await ddb.send(new GetItemCommand({ TableName: 'h', Key: { pk: S(pk) } }))).Item;

describe('ExecuteTransaction: writes', () => {
  it('applies INSERT, UPDATE, DELETE and EXISTS together and answers Responses: []', async () => {
    const ddb = ddbClient(nimbus);
    await seed(ddb);
    const out = await transact(ddb, [
      `INSERT INTO "h" VALUE {'pk': 'new', 'v': 9}`,
      { Statement: `UPDATE "h" SET v = v + ? WHERE pk = 'a'`, Parameters: [N(10)] },
      `DELETE FROM "h" WHERE pk = 'b' AND v = 2`,
      `EXISTS(SELECT * FROM "h" WHERE pk = 'c' AND v = 3)`,
      `DELETE FROM "h" WHERE pk = 'ghost' AND v = 1`,
    ]);
    expect(out.Responses).toEqual([]);
    expect(await get(ddb, 'new')).toEqual({ pk: S('new'), v: N(9) });
    expect(await get(ddb, 'a')).toEqual({ pk: S('a'), v: N(11) });
    expect(await get(ddb, 'b')).toBeUndefined();
    expect(await get(ddb, 'c')).toEqual({ pk: S('c'), v: N(3) });
  });

  it('cancels everything with one reason per statement, in order', async () => {
    const ddb = ddbClient(nimbus);
    await seed(ddb);
    const e = (await expectError(
      transact(ddb, [
        `UPDATE "h" SET v = 100 WHERE pk = 'a'`,
        `INSERT INTO "h" VALUE {'pk': 'b'}`,
        { Statement: `EXISTS(SELECT * FROM "h" WHERE pk = 'c' AND v = 4)`, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' },
        `UPDATE "h" SET v = 1 WHERE pk = 'ghost'`,
        `EXISTS(SELECT * FROM "h" WHERE pk = 'nobody' AND v IS MISSING)`,
        `DELETE FROM "h" WHERE pk = 'also-missing' AND v = 1`,
      ]),
      'TransactionCanceledException',
      'Transaction cancelled, please refer cancellation reasons for specific reasons [None, DuplicateItem, ConditionalCheckFailed, ConditionalCheckFailed, ConditionalCheckFailed, None]',
    )) as unknown as { CancellationReasons: unknown[] };
    expect(e.CancellationReasons).toEqual([
      { Code: 'None' },
      { Code: 'DuplicateItem', Message: 'Duplicate primary key exists in table' },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { pk: S('c'), v: N(3) } },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
      { Code: 'None' },
    ]);
    expect(await get(ddb, 'a')).toEqual({ pk: S('a'), v: N(1) });
    expect(await get(ddb, 'ghost')).toBeUndefined();
  });

  it('a ClientRequestToken repeat succeeds without writing again; other statements with it are a mismatch', async () => {
    const ddb = ddbClient(nimbus);
    await seed(ddb);
    const statements = [`UPDATE "h" SET v = v + 1 WHERE pk = 'a'`];
    await transact(ddb, statements, { ClientRequestToken: 'tok-1' });
    const again = await transact(ddb, statements, { ClientRequestToken: 'tok-1', ReturnConsumedCapacity: 'TOTAL' });
    expect(again.Responses).toEqual([]);
    // A repeat reads the item instead of writing it, and is charged so.
    expect(again.ConsumedCapacity).toEqual([{ TableName: 'h', CapacityUnits: 2, ReadCapacityUnits: 2 }]);
    expect(await get(ddb, 'a')).toEqual({ pk: S('a'), v: N(2) });
    await expectError(
      transact(ddb, [`UPDATE "h" SET v = v + 2 WHERE pk = 'a'`], { ClientRequestToken: 'tok-1' }),
      'IdempotentParameterMismatchException',
    );
    expect(await get(ddb, 'a')).toEqual({ pk: S('a'), v: N(2) });
  });

  it('charges transactional writes twice', async () => {
    const ddb = ddbClient(nimbus);
    await seed(ddb);
    const out = await transact(ddb, [`UPDATE "h" SET v = 5 WHERE pk = 'a'`, `EXISTS(SELECT * FROM "h" WHERE pk = 'b' AND v = 2)`], { ReturnConsumedCapacity: 'TOTAL' });
    expect(out.ConsumedCapacity).toEqual([{ TableName: 'h', CapacityUnits: 4, ReadCapacityUnits: 2, WriteCapacityUnits: 2 }]);
  });
});

describe('ExecuteTransaction: reads', () => {
  it('reads items by key as one snapshot, one response per statement', async () => {
    const ddb = ddbClient(nimbus);
    await seed(ddb);
    const out = await transact(ddb, [`SELECT * FROM "h" WHERE pk = 'a'`, `SELECT v FROM "h" WHERE pk = 'ghost'`, { Statement: `SELECT v FROM "h" WHERE pk = ?`, Parameters: [S('c')] }], {
      ReturnConsumedCapacity: 'TOTAL',
    });
    expect(out.Responses).toEqual([{ Item: { pk: S('a'), v: N(1) } }, {}, { Item: { v: N(3) } }]);
    expect(out.ConsumedCapacity).toEqual([{ TableName: 'h', CapacityUnits: 6, ReadCapacityUnits: 6 }]);
  });
});

describe('ExecuteTransaction: validation', () => {
  it('refuses what no transaction can run, naming the statement', async () => {
    const ddb = ddbClient(nimbus);
    await seed(ddb);
    await indexedTable(ddb, 'ix');
    const cases: [Statement[], string][] = [
      [[`SELECT * FROM "h" WHERE pk = 'a'`, `UPDATE "h" SET v = 1 WHERE pk = 'b'`], 'ExecuteTransaction API does not support both read and write operations in the same request.'],
      [[`UPDATE "h" SET v = 1 WHERE pk = 'a'`, `UPDATE "h" SET v = 1 WHERE pk = 'b' RETURNING ALL NEW *`], 'Validation failed in TransactStatements[1]: RETURNING clause is not supported in ExecuteTransaction.'],
      [[`SELEC 1`], "Validation failed in TransactStatements[0]: Statement wasn't well formed, can't be processed: Expected data manipulation"],
      [[`EXISTS(SELECT * FROM "h" WHERE pk = 'a')`], 'Validation failed in TransactStatements[0]: EXISTS() must contain a single item read with additional condition'],
      [[`SELECT * FROM "h" WHERE pk = 'a'`, `SELECT * FROM "ix" WHERE pk = 'a'`], 'Validation failed in TransactStatements[1]: Select statements within ExecuteTransaction must specify the primary key in the where clause.'],
      [[`SELECT * FROM "ix"."by-gsi" WHERE gk = 'g'`], 'Validation failed in TransactStatements[0]: Reads on indices are not supported within transactions.'],
      [[`UPDATE "h" SET v = 1 WHERE pk = 'a'`, `DELETE FROM "h" WHERE pk = 'a'`], 'Transaction request cannot include multiple operations on one item'],
      [[`SELECT * FROM "h" WHERE pk = 'a'`, `SELECT v FROM "h" WHERE pk = 'a'`], 'Transaction request cannot include multiple operations on one item'],
    ];
    for (const [statements, message] of cases) await expectError(transact(ddb, statements), 'ValidationException', message);
    await expectError(transact(ddb, [`UPDATE "nope" SET v = 1 WHERE pk = 'a'`]), 'ResourceNotFoundException', 'Requested resource not found');
    expect(await get(ddb, 'a')).toEqual({ pk: S('a'), v: N(1) });
    expect(await get(ddb, 'b')).toEqual({ pk: S('b'), v: N(2) });
  });
});
