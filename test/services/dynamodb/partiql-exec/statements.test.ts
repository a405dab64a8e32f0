/** ExecuteStatement end to end through the SDK: each statement kind, its answers and its errors. */
import { ExecuteStatementCommand, GetItemCommand, PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, expectError, hashTable, indexedTable } from '../items/helpers.js';

const nimbus = useNimbus({ resetEach: true });
const S = (s: string): AttributeValue => ({ S: s });
const N = (n: string | number): AttributeValue => ({ N: String(n) });

const run = (ddb: DynamoDBClient, Statement: string, extra: Record<string, unknown> = {}) => ddb.send(new ExecuteStatementCommand({ Statement, ...extra }));
const stored = async (ddb: DynamoDBClient, table: string, key: Record<string, AttributeValue>) =>
  (await ddb.send(new GetItemCommand({ TableName: table, Key: key }))).Item;

describe('ExecuteStatement: INSERT', () => {
  it('stores the item (numbers normalized, sets from bags) and answers Items: []', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    const out = await run(ddb, `INSERT INTO "t" VALUE {'pk': 'a', 'n': 1.50, 'm': {'x': [1, 'y']}, 's': <<'p', 'q'>>}`);
    expect(out.Items).toEqual([]);
    expect(out).not.toHaveProperty('NextToken');
    expect(await stored(ddb, 't', { pk: S('a') })).toEqual({ pk: S('a'), n: N('1.5'), m: { M: { x: { L: [N(1), S('y')] } } }, s: { SS: ['p', 'q'] } });
  });

  it('never replaces: a taken key is DuplicateItemException and the item stays', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    await run(ddb, `INSERT INTO "t" VALUE {'pk': 'a', 'v': 1}`);
    await expectError(run(ddb, `INSERT INTO "t" VALUE {'pk': 'a', 'v': 2}`), 'DuplicateItemException', 'Duplicate primary key exists in table');
    expect((await stored(ddb, 't', { pk: S('a') }))?.v).toEqual(N(1));
  });

  it('takes values from Parameters, in order', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    await run(ddb, `INSERT INTO "t" VALUE {'pk': ?, 'v': ?, 'b': ?}`, { Parameters: [S('p'), N('007'), { B: new Uint8Array([1, 2]) }] });
    expect(await stored(ddb, 't', { pk: S('p') })).toEqual({ pk: S('p'), v: N(7), b: { B: new Uint8Array([1, 2]) } });
    await expectError(run(ddb, `INSERT INTO "t" VALUE {'pk': ?}`, { Parameters: [S('x'), S('y')] }), 'ValidationException', "Number of parameters in request and statement don't match.");
  });

  it('refuses a missing table, a wrong key type and a wrong index key type', async () => {
    const ddb = ddbClient(nimbus);
    await indexedTable(ddb, 'ix');
    await expectError(run(ddb, `INSERT INTO "nope" VALUE {'pk': 'a'}`), 'ResourceNotFoundException', 'Requested resource not found');
    await expectError(run(ddb, `INSERT INTO "ix" VALUE {'pk': 'a', 'sk': 'one'}`), 'ValidationException', "Key attribute's data type should match its data type in table's schema: Key sk");
    await expectError(
      run(ddb, `INSERT INTO "ix" VALUE {'pk': 'a', 'sk': 1, 'gk': 5}`),
      'ValidationException',
      'One or more parameter values were invalid: Type mismatch for Index Key gk Expected: S Actual: N IndexName: by-gsi',
    );
    expect(await stored(ddb, 'ix', { pk: S('a'), sk: N(1) })).toBeUndefined();
  });
});

describe('ExecuteStatement: UPDATE', () => {
  it('edits an existing item; RETURNING answers the row', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('a'), n: N(5), gone: S('x'), keep: S('k') } }));
    const plain = await run(ddb, `UPDATE "t" SET n = n + 1 REMOVE gone WHERE pk = 'a'`);
    expect(plain.Items).toEqual([]);
    expect(await stored(ddb, 't', { pk: S('a') })).toEqual({ pk: S('a'), n: N(6), keep: S('k') });

    const allNew = await run(ddb, `UPDATE "t" SET n = ? WHERE pk = 'a' RETURNING ALL NEW *`, { Parameters: [N(10)] });
    expect(allNew.Items).toEqual([{ pk: S('a'), n: N(10), keep: S('k') }]);
    const modifiedOld = await run(ddb, `UPDATE "t" SET n = 11 WHERE pk = 'a' RETURNING MODIFIED OLD *`);
    expect(modifiedOld.Items).toEqual([{ n: N(10) }]);
    const allOld = await run(ddb, `UPDATE "t" SET extra = 'e' WHERE pk = 'a' RETURNING ALL OLD *`);
    expect(allOld.Items).toEqual([{ pk: S('a'), n: N(11), keep: S('k') }]);
    // Nothing the update touched was there before: no row at all.
    const empty = await run(ddb, `UPDATE "t" SET fresh = 1 WHERE pk = 'a' RETURNING MODIFIED OLD *`);
    expect(empty.Items).toEqual([]);
  });

  it('never creates an item: a missing key fails the condition', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    await expectError(run(ddb, `UPDATE "t" SET v = 1 WHERE pk = 'ghost'`), 'ConditionalCheckFailedException', 'The conditional request failed');
    expect(await stored(ddb, 't', { pk: S('ghost') })).toBeUndefined();
  });

  it('WHERE terms beyond the key are a condition; ReturnValuesOnConditionCheckFailure ALL_OLD returns the item', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('a'), state: S('open') } }));
    const plain = (await expectError(run(ddb, `UPDATE "t" SET state = 'done' WHERE pk = 'a' AND state = 'closed'`), 'ConditionalCheckFailedException')) as unknown as Record<string, unknown>;
    expect(plain.Item).toBeUndefined();
    const withItem = (await expectError(
      run(ddb, `UPDATE "t" SET state = 'done' WHERE pk = 'a' AND state = 'closed'`, { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
      'ConditionalCheckFailedException',
      'The conditional request failed',
    )) as unknown as Record<string, unknown>;
    expect(withItem.Item).toEqual({ pk: S('a'), state: S('open') });
    await run(ddb, `UPDATE "t" SET state = 'done' WHERE pk = 'a' AND state = 'open'`);
    expect((await stored(ddb, 't', { pk: S('a') }))?.state).toEqual(S('done'));
  });

  it('reports the update engine\'s runtime errors', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('a'), s: S('text') } }));
    await expectError(run(ddb, `UPDATE "t" SET s = s + 1 WHERE pk = 'a'`), 'ValidationException', 'An operand in the update expression has an incorrect data type');
  });
});

describe('ExecuteStatement: DELETE', () => {
  it('deletes; a missing item succeeds silently whatever the condition; RETURNING ALL OLD *', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('a'), v: N(1) } }));
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('b'), v: N(2) } }));
    expect((await run(ddb, `DELETE FROM "t" WHERE pk = 'a'`)).Items).toEqual([]);
    expect(await stored(ddb, 't', { pk: S('a') })).toBeUndefined();
    expect((await run(ddb, `DELETE FROM "t" WHERE pk = 'ghost' AND v = 99`)).Items).toEqual([]);
    expect((await run(ddb, `DELETE FROM "t" WHERE pk = 'ghost' RETURNING ALL OLD *`)).Items).toEqual([]);

    await expectError(run(ddb, `DELETE FROM "t" WHERE pk = 'b' AND v = 3`, { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }), 'ConditionalCheckFailedException');
    expect(await stored(ddb, 't', { pk: S('b') })).toEqual({ pk: S('b'), v: N(2) });
    expect((await run(ddb, `DELETE FROM "t" WHERE pk = 'b' AND v = 2 RETURNING ALL OLD *`)).Items).toEqual([{ pk: S('b'), v: N(2) }]);
    expect(await stored(ddb, 't', { pk: S('b') })).toBeUndefined();
  });
});

describe('ExecuteStatement: SELECT', () => {
  async function seed(ddb: DynamoDBClient): Promise<void> {
    await indexedTable(ddb, 'ix');
    for (const [pk, sk, extra] of [['a', 1, 'e1'], ['a', 2, 'e2'], ['a', 3, 'e3'], ['b', 1, 'e4']] as const) {
      await ddb.send(
        new PutItemCommand({
          TableName: 'ix',
          Item: { pk: S(pk), sk: N(sk), lsk: S(`l${4 - sk}`), gk: S(`g-${pk}`), gs: N(sk * 10), extra: S(extra), other: S(`o${sk}`), m: { M: { x: { L: [N(sk), S('y')] } } } },
        }),
      );
    }
  }

  it('by key, by partition with a sort key range, by IN, and as a filtered scan', async () => {
    const ddb = ddbClient(nimbus);
    await seed(ddb);
    const one = await run(ddb, `SELECT pk, sk, extra FROM "ix" WHERE pk = 'a' AND sk = 2`);
    expect(one.Items).toEqual([{ pk: S('a'), sk: N(2), extra: S('e2') }]);
    const range = await run(ddb, `SELECT sk FROM "ix" WHERE pk = ? AND sk >= ?`, { Parameters: [S('a'), N(2)] });
    expect(range.Items).toEqual([{ sk: N(2) }, { sk: N(3) }]);
    const between = await run(ddb, `SELECT sk FROM "ix" WHERE pk = 'a' AND sk BETWEEN 1 AND 2 AND extra <> 'e1'`);
    expect(between.Items).toEqual([{ sk: N(2) }]);
    const many = await run(ddb, `SELECT pk, sk FROM "ix" WHERE pk IN ['b', 'a'] AND sk = 1`);
    expect(many.Items).toEqual([{ pk: S('b'), sk: N(1) }, { pk: S('a'), sk: N(1) }]);
    const scan = await run(ddb, `SELECT pk, sk FROM "ix" WHERE extra = 'e3' OR other = 'o1'`);
    expect(scan.Items?.map((i) => `${i.pk?.S}${i.sk?.N}`).sort()).toEqual(['a1', 'a3', 'b1']);
    const none = await run(ddb, `SELECT * FROM "ix" WHERE pk = 'zzz'`);
    expect(none.Items).toEqual([]);
  });

  it('names each projected path by its last name (list elements compacted); SELECT * returns whole items', async () => {
    const ddb = ddbClient(nimbus);
    await seed(ddb);
    const nested = await run(ddb, `SELECT m.x[1], "extra" FROM "ix" WHERE pk = 'b' AND sk = 1`);
    expect(nested.Items).toEqual([{ x: { L: [S('y')] }, extra: S('e4') }]);
    const all = await run(ddb, `SELECT * FROM "ix" WHERE pk = 'b'`);
    expect(all.Items?.[0]).toMatchObject({ pk: S('b'), sk: N(1), extra: S('e4'), other: S('o1') });
  });

  it('ORDER BY the sort key reads the partition backwards', async () => {
    const ddb = ddbClient(nimbus);
    await seed(ddb);
    const desc = await run(ddb, `SELECT sk FROM "ix" WHERE pk = 'a' ORDER BY sk DESC`);
    expect(desc.Items).toEqual([{ sk: N(3) }, { sk: N(2) }, { sk: N(1) }]);
    await expectError(run(ddb, `SELECT sk FROM "ix" WHERE pk IN ['a', 'b'] ORDER BY sk DESC`), 'ValidationException', 'Must have hash key in ORDER BY clause when more than one hash key condition specified in WHERE clause.');
    const both = await run(ddb, `SELECT pk, sk FROM "ix" WHERE pk IN ['a', 'b'] ORDER BY pk DESC, sk ASC`);
    expect(both.Items?.map((i) => `${i.pk?.S}${i.sk?.N}`)).toEqual(['b1', 'a1', 'a2', 'a3']);
  });

  it('reads indexes: projections, ConsistentRead, missing index, filters the index cannot see', async () => {
    const ddb = ddbClient(nimbus);
    await seed(ddb);
    const gsi = await run(ddb, `SELECT pk, sk, gs FROM "ix"."by-gsi" WHERE gk = 'g-a' AND gs > 10`);
    expect(gsi.Items).toEqual([{ pk: S('a'), sk: N(2), gs: N(20) }, { pk: S('a'), sk: N(3), gs: N(30) }]);
    const keysOnly = await run(ddb, `SELECT * FROM "ix"."by-num" WHERE gk = 'g-b'`);
    expect(keysOnly.Items).toEqual([{ pk: S('b'), sk: N(1), gk: S('g-b') }]);
    // An LSI's SELECT * is what it projects; a named attribute it does not project is fetched from the table.
    const lsiStar = await run(ddb, `SELECT * FROM "ix"."by-lsi" WHERE pk = 'a' AND lsk = 'l1'`);
    expect(lsiStar.Items).toEqual([{ pk: S('a'), sk: N(3), lsk: S('l1'), extra: S('e3') }]);
    const lsiFetch = await run(ddb, `SELECT other FROM "ix"."by-lsi" WHERE pk = 'a'`, { ConsistentRead: true });
    expect(lsiFetch.Items).toEqual([{ other: S('o3') }, { other: S('o2') }, { other: S('o1') }]);

    await expectError(run(ddb, `SELECT * FROM "ix"."by-gsi" WHERE gk = 'g-a'`, { ConsistentRead: true }), 'ValidationException', 'Strongly consistent read is not supported on Global Secondary Indexes');
    await expectError(run(ddb, `SELECT * FROM "ix"."nope"`), 'ValidationException', 'The table does not have the specified index');
    await expectError(
      run(ddb, `SELECT other, extra, pk FROM "ix"."by-num" WHERE gk = 'g-a'`),
      'ValidationException',
      'One or more parameter values were invalid: Global secondary index by-num does not project [other, extra]',
    );
    await expectError(
      run(ddb, `SELECT pk FROM "ix"."by-num" WHERE gk = 'g-a' AND other = 'o1'`),
      'ValidationException',
      'One or more parameter values were invalid: Secondary index by-num does not project one or more filter attributes: [other]',
    );
    // Unkeyed, the filter sees the index entry, which has no `other`.
    expect((await run(ddb, `SELECT pk FROM "ix"."by-num" WHERE other = 'o1'`)).Items).toEqual([]);
  });

  it('refuses EXISTS outside a transaction, a missing table, a wrong key type', async () => {
    const ddb = ddbClient(nimbus);
    await seed(ddb);
    await expectError(run(ddb, `EXISTS(SELECT * FROM "ix" WHERE pk = 'a' AND sk = 1 AND extra = 'e1')`), 'ValidationException', 'EXISTS can only be used in ExecuteTransaction write requests.');
    await expectError(run(ddb, `SELECT * FROM "nope" WHERE pk = 'a'`), 'ResourceNotFoundException', 'Requested resource not found');
    await expectError(run(ddb, `SELECT * FROM "ix" WHERE pk = 1`), 'ValidationException', "Key attribute's data type should match its data type in table's schema: Key pk");
    await expectError(run(ddb, `SELEC * FROM "ix"`), 'ValidationException', "Statement wasn't well formed, can't be processed: Expected data manipulation");
  });
});

describe('ExecuteStatement: ReturnConsumedCapacity', () => {
  it('charges writes in 1 KB units and reads in 4 KB units (half when eventually consistent)', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    const big = 'x'.repeat(1500);
    const insert = await run(ddb, `INSERT INTO "t" VALUE {'pk': 'a', 'v': ?}`, { Parameters: [S(big)], ReturnConsumedCapacity: 'TOTAL' });
    expect(insert.ConsumedCapacity).toEqual({ TableName: 't', CapacityUnits: 2, WriteCapacityUnits: 2 });
    const eventual = await run(ddb, `SELECT * FROM "t" WHERE pk = 'a'`, { ReturnConsumedCapacity: 'TOTAL' });
    expect(eventual.ConsumedCapacity).toEqual({ TableName: 't', CapacityUnits: 0.5, ReadCapacityUnits: 0.5 });
    const strong = await run(ddb, `SELECT * FROM "t" WHERE pk = 'a'`, { ReturnConsumedCapacity: 'INDEXES', ConsistentRead: true });
    expect(strong.ConsumedCapacity).toEqual({ TableName: 't', CapacityUnits: 1, ReadCapacityUnits: 1, Table: { CapacityUnits: 1, ReadCapacityUnits: 1 } });
    const none = await run(ddb, `DELETE FROM "t" WHERE pk = 'a'`);
    expect(none).not.toHaveProperty('ConsumedCapacity');
  });
});
