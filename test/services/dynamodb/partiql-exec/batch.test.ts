/** BatchExecuteStatement: per-statement answers in order, the all-reads-or-all-writes rule, duplicates. */
import { BatchExecuteStatementCommand, GetItemCommand, PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, expectError, hashTable, indexedTable } from '../items/helpers.js';

const nimbus = useNimbus({ resetEach: true });
const S = (s: string): AttributeValue => ({ S: s });
const N = (n: string | number): AttributeValue => ({ N: String(n) });

const batch = (ddb: DynamoDBClient, statements: (string | { Statement: string; [k: string]: unknown })[], extra: Record<string, unknown> = {}) =>
  ddb.send(new BatchExecuteStatementCommand({ Statements: statements.map((s) => (typeof s === 'string' ? { Statement: s } : s)), ...extra }));

const NEEDS_KEY = 'Select statements within BatchExecuteStatement must specify the primary key in the where clause.';

describe('BatchExecuteStatement', () => {
  it('reads: one answer per statement, in order, errors beside results', async () => {
    const ddb = ddbClient(nimbus);
    await indexedTable(ddb, 'ix');
    await hashTable(ddb, 'h');
    for (const sk of [1, 3, 4]) await ddb.send(new PutItemCommand({ TableName: 'ix', Item: { pk: S('a'), sk: N(sk), v: S('one'), w: S('x') } }));
    await ddb.send(new PutItemCommand({ TableName: 'h', Item: { pk: S('z'), n: N(3) } }));
    const out = await batch(ddb, [
      `SELECT * FROM "ix" WHERE pk = 'a' AND sk = 1`,
      { Statement: `SELECT v FROM "ix" WHERE pk = ? AND sk = ?`, Parameters: [S('a'), N(3)], ConsistentRead: true },
      `SELECT * FROM "ix" WHERE pk = 'a' AND sk = 2`,
      `SELECT * FROM "ix" WHERE pk = 'a' AND sk = 4 AND v = 'other'`,
      `SELECT * FROM "ix" WHERE pk = 'a'`,
      `SELECT * FROM "ix"."by-gsi" WHERE gk = 'g'`,
      `SELECT * FROM "nope" WHERE pk = 'a'`,
      `SELECT * FROM "h" WHERE pk = 'z'`,
      `SELEC * FROM "h"`,
      `EXISTS(SELECT * FROM "h" WHERE pk = 'z' AND n = 3)`,
    ]);
    expect(out.Responses).toEqual([
      { TableName: 'ix', Item: { pk: S('a'), sk: N(1), v: S('one'), w: S('x') } },
      { TableName: 'ix', Item: { v: S('one') } },
      { TableName: 'ix' },
      { TableName: 'ix' },
      { TableName: 'ix', Error: { Code: 'ValidationError', Message: NEEDS_KEY } },
      { TableName: 'ix', Error: { Code: 'ValidationError', Message: NEEDS_KEY } },
      { TableName: 'nope', Error: { Code: 'ResourceNotFound', Message: 'Requested resource not found' } },
      { TableName: 'h', Item: { pk: S('z'), n: N(3) } },
      { Error: { Code: 'ValidationError', Message: "Statement wasn't well formed, can't be processed: Expected data manipulation" } },
      { TableName: 'h', Error: { Code: 'ValidationError', Message: 'EXISTS can only be used in ExecuteTransaction write requests.' } },
    ]);
  });

  it('reads: ConsumedCapacity per table, each statement at its own consistency', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 'h');
    await hashTable(ddb, 'g');
    const out = await batch(
      ddb,
      [
        { Statement: `SELECT * FROM "h" WHERE pk = 'a'`, ConsistentRead: true },
        `SELECT * FROM "h" WHERE pk = 'b'`,
        `SELECT * FROM "g" WHERE pk = 'c'`,
      ],
      { ReturnConsumedCapacity: 'TOTAL' },
    );
    expect(out.ConsumedCapacity).toEqual([
      { TableName: 'h', CapacityUnits: 1.5, ReadCapacityUnits: 1.5 },
      { TableName: 'g', CapacityUnits: 0.5, ReadCapacityUnits: 0.5 },
    ]);
  });

  it('writes: each statement succeeds or fails on its own', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 'h');
    await ddb.send(new PutItemCommand({ TableName: 'h', Item: { pk: S('taken'), v: N(1) } }));
    await ddb.send(new PutItemCommand({ TableName: 'h', Item: { pk: S('guarded'), v: N(1) } }));
    await ddb.send(new PutItemCommand({ TableName: 'h', Item: { pk: S('doomed'), v: N(1) } }));
    await ddb.send(new PutItemCommand({ TableName: 'h', Item: { pk: S('counter'), v: N(7) } }));
    const out = await batch(ddb, [
      `INSERT INTO "h" VALUE {'pk': 'new', 'v': 1}`,
      `INSERT INTO "h" VALUE {'pk': 'taken', 'v': 2}`,
      `UPDATE "h" SET v = 5 WHERE pk = 'ghost'`,
      { Statement: `UPDATE "h" SET v = 5 WHERE pk = 'guarded' AND v = 0`, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' },
      `DELETE FROM "h" WHERE pk = 'doomed'`,
      { Statement: `UPDATE "h" SET v = v + 1 WHERE pk = ? RETURNING ALL NEW *`, Parameters: [S('counter')] },
    ]);
    expect(out.Responses).toEqual([
      { TableName: 'h' },
      { TableName: 'h', Error: { Code: 'DuplicateItem', Message: 'Duplicate primary key exists in table' } },
      { TableName: 'h', Error: { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' } },
      { TableName: 'h', Error: { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { pk: S('guarded'), v: N(1) } } },
      { TableName: 'h' },
      { TableName: 'h', Item: { pk: S('counter'), v: N(8) } },
    ]);
    const get = async (pk: string) => (await ddb.send(new GetItemCommand({ TableName: 'h', Key: { pk: S(pk) } }))).Item;
    expect(await get('new')).toEqual({ pk: S('new'), v: N(1) });
    expect(await get('taken')).toEqual({ pk: S('taken'), v: N(1) });
    expect(await get('ghost')).toBeUndefined();
    expect(await get('guarded')).toEqual({ pk: S('guarded'), v: N(1) });
    expect(await get('doomed')).toBeUndefined();
  });

  it('writes: a statement\'s runtime error fails it alone; ConsumedCapacity counts what ran', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 'h');
    await ddb.send(new PutItemCommand({ TableName: 'h', Item: { pk: S('s'), text: S('abc') } }));
    const out = await batch(ddb, [`UPDATE "h" SET text = text + 1 WHERE pk = 's'`, `INSERT INTO "h" VALUE {'pk': 'ok'}`], { ReturnConsumedCapacity: 'TOTAL' });
    expect(out.Responses).toEqual([
      { TableName: 'h', Error: { Code: 'ValidationError', Message: 'An operand in the update expression has an incorrect data type' } },
      { TableName: 'h' },
    ]);
    expect(out.ConsumedCapacity).toEqual([{ TableName: 'h', CapacityUnits: 1, WriteCapacityUnits: 1 }]);
  });

  it('refuses reads and writes together, one item twice, and more than 25 statements', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 'h');
    await expectError(
      batch(ddb, [`SELECT * FROM "h" WHERE pk = 'a'`, `INSERT INTO "h" VALUE {'pk': 'b'}`]),
      'ValidationException',
      'Read and write requests together in the same batch is not supported.',
    );
    expect((await ddb.send(new GetItemCommand({ TableName: 'h', Key: { pk: S('b') } }))).Item).toBeUndefined();
    await expectError(
      batch(ddb, [`UPDATE "h" SET v = 1 WHERE pk = 'a'`, `DELETE FROM "h" WHERE pk = 'a'`]),
      'ValidationException',
      'Provided list of item keys contains duplicates',
    );
    await expectError(batch(ddb, [`SELECT * FROM "h" WHERE pk = 'a'`, `SELECT v FROM "h" WHERE pk = 'a'`]), 'ValidationException', 'Provided list of item keys contains duplicates');
    const many = Array.from({ length: 26 }, (_, i) => `SELECT * FROM "h" WHERE pk = 'k${i}'`);
    await expectError(batch(ddb, many), 'ValidationException', /Member must have length less than or equal to 25/);
    // A statement that does not parse is neither a read nor a write.
    const out = await batch(ddb, [`SELECT * FROM "h" WHERE pk = 'a'`, `INSERT INTO`]);
    expect(out.Responses?.[1]?.Error?.Code).toBe('ValidationError');
  });
});
