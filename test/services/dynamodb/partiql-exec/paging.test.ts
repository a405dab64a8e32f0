/** ExecuteStatement SELECT paging: Limit, the 1 MB page, NextToken and LastEvaluatedKey, token checks. */
import { ExecuteStatementCommand, PutItemCommand, type AttributeValue, type DynamoDBClient, type ExecuteStatementCommandOutput } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, expectError, hashTable, indexedTable } from '../items/helpers.js';

const nimbus = useNimbus({ resetEach: true });
const S = (s: string): AttributeValue => ({ S: s });
const N = (n: string | number): AttributeValue => ({ N: String(n) });

const run = (ddb: DynamoDBClient, Statement: string, extra: Record<string, unknown> = {}) => ddb.send(new ExecuteStatementCommand({ Statement, ...extra }));

/** Every page of a statement, following NextToken. */
async function pages(ddb: DynamoDBClient, Statement: string, extra: Record<string, unknown> = {}): Promise<ExecuteStatementCommandOutput[]> {
  const out: ExecuteStatementCommandOutput[] = [];
  let NextToken: string | undefined;
  do {
    const page = await run(ddb, Statement, { ...extra, NextToken });
    out.push(page);
    NextToken = page.NextToken;
    if (out.length > 50) throw new Error('paging does not end');
  } while (NextToken);
  return out;
}

async function seedPartitions(ddb: DynamoDBClient): Promise<void> {
  await indexedTable(ddb, 'ix');
  for (const pk of ['a', 'b']) {
    for (let sk = 1; sk <= 4; sk++) {
      await ddb.send(new PutItemCommand({ TableName: 'ix', Item: { pk: S(pk), sk: N(sk), gk: S('g'), gs: N(sk), odd: { BOOL: sk % 2 === 1 } } }));
    }
  }
}

const keyOf = (i: Record<string, AttributeValue>) => `${i.pk?.S}${i.sk?.N}`;

describe('ExecuteStatement SELECT paging', () => {
  it('a scan with Limit pages through every item once; LastEvaluatedKey is the last key read', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    for (let i = 0; i < 5; i++) await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S(`k${i}`) } }));
    const all = await pages(ddb, `SELECT pk FROM "t"`, { Limit: 2 });
    expect(all.map((p) => p.Items?.length)).toEqual([2, 2, 1]);
    expect(all.flatMap((p) => p.Items!.map((i) => i.pk?.S)).sort()).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
    expect(all[0]!.LastEvaluatedKey).toEqual({ pk: all[0]!.Items![1]!.pk });
    expect(all[2]).not.toHaveProperty('LastEvaluatedKey');
    expect(all[2]).not.toHaveProperty('NextToken');
  });

  it('a page that ends exactly at the end of the table still answers a token (as Scan does), and the next page is empty', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    for (let i = 0; i < 4; i++) await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S(`k${i}`) } }));
    const all = await pages(ddb, `SELECT pk FROM "t"`, { Limit: 2 });
    expect(all.map((p) => p.Items?.length)).toEqual([2, 2, 0]);
  });

  it('Limit counts items read before the WHERE clause filters them', async () => {
    const ddb = ddbClient(nimbus);
    await seedPartitions(ddb);
    const first = await run(ddb, `SELECT sk FROM "ix" WHERE pk = 'a' AND odd = false`, { Limit: 2 });
    expect(first.Items).toEqual([{ sk: N(2) }]);
    expect(first.NextToken).toBeDefined();
    expect(first.LastEvaluatedKey).toEqual({ pk: S('a'), sk: N(2) });
    const second = await run(ddb, `SELECT sk FROM "ix" WHERE pk = 'a' AND odd = false`, { Limit: 2, NextToken: first.NextToken });
    expect(second.Items).toEqual([{ sk: N(4) }]);
    // Whether this last full page has a token depends on what follows it in storage (as for
    // Query); if it has one, the next page is empty and final.
    if (second.NextToken) {
      const third = await run(ddb, `SELECT sk FROM "ix" WHERE pk = 'a' AND odd = false`, { Limit: 2, NextToken: second.NextToken });
      expect(third.Items).toEqual([]);
      expect(third).not.toHaveProperty('NextToken');
    }
  });

  it('ORDER BY pages backwards, and across partitions in the ORDER BY order', async () => {
    const ddb = ddbClient(nimbus);
    await seedPartitions(ddb);
    const desc = await pages(ddb, `SELECT pk, sk FROM "ix" WHERE pk = 'a' ORDER BY sk DESC`, { Limit: 3 });
    expect(desc.flatMap((p) => p.Items!.map(keyOf))).toEqual(['a4', 'a3', 'a2', 'a1']);
    expect(desc[0]!.LastEvaluatedKey).toEqual({ pk: S('a'), sk: N(2) });
    const across = await pages(ddb, `SELECT pk, sk FROM "ix" WHERE pk IN ['a', 'b'] ORDER BY pk DESC, sk ASC`, { Limit: 3 });
    expect(across.map((p) => p.Items!.map(keyOf))).toEqual([['b1', 'b2', 'b3'], ['b4', 'a1', 'a2'], ['a3', 'a4']]);
  });

  it('pages over keys read one by one (IN on the whole key)', async () => {
    const ddb = ddbClient(nimbus);
    await seedPartitions(ddb);
    const all = await pages(ddb, `SELECT pk, sk FROM "ix" WHERE pk = 'a' AND sk IN [4, 9, 1, 3]`, { Limit: 2 });
    expect(all.map((p) => p.Items!.map(keyOf))).toEqual([['a4', 'a1'], ['a3']]);
    expect(all[0]!.LastEvaluatedKey).toEqual({ pk: S('a'), sk: N(1) });
  });

  it('an index page carries the index key in LastEvaluatedKey', async () => {
    const ddb = ddbClient(nimbus);
    await seedPartitions(ddb);
    const all = await pages(ddb, `SELECT pk, sk FROM "ix"."by-gsi" WHERE gk = 'g'`, { Limit: 3 });
    expect(all.flatMap((p) => p.Items!.map(keyOf)).sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4']);
    expect(Object.keys(all[0]!.LastEvaluatedKey!).sort()).toEqual(['gk', 'gs', 'pk', 'sk']);
  });

  it('stops a page once 1 MB has been read, the item reaching it included', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    const body = 'x'.repeat(100 * 1024);
    for (let i = 0; i < 12; i++) await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S(`k${String(i).padStart(2, '0')}`), body: S(body) } }));
    const all = await pages(ddb, `SELECT pk FROM "t"`);
    expect(all[0]!.Items).toHaveLength(11);
    expect(all[0]!.NextToken).toBeDefined();
    expect(all.flatMap((p) => p.Items!.map((i) => i.pk?.S)).sort()).toHaveLength(12);
  });

  it('checks the token: unreadable, minted by another statement or parameters, given to a write', async () => {
    const ddb = ddbClient(nimbus);
    await seedPartitions(ddb);
    const statement = `SELECT sk FROM "ix" WHERE pk = ?`;
    const first = await run(ddb, statement, { Parameters: [S('a')], Limit: 1 });
    const token = first.NextToken!;
    expect(typeof token).toBe('string');
    await expectError(run(ddb, statement, { Parameters: [S('a')], NextToken: 'not a token!' }), 'ValidationException', 'Invalid NextToken');
    await expectError(run(ddb, statement, { Parameters: [S('a')], NextToken: Buffer.from('{"x":1}').toString('base64url') }), 'ValidationException', 'Invalid NextToken');
    await expectError(run(ddb, statement, { Parameters: [S('b')], NextToken: token }), 'ValidationException', 'NextToken does not match request');
    await expectError(run(ddb, `SELECT pk FROM "ix" WHERE pk = ?`, { Parameters: [S('a')], NextToken: token }), 'ValidationException', 'NextToken does not match request');
    await expectError(run(ddb, `DELETE FROM "ix" WHERE pk = 'a' AND sk = 1`, { NextToken: token }), 'ValidationException', 'NextToken does not match request');
    // Another Limit or ConsistentRead is the same request.
    const rest = await run(ddb, statement, { Parameters: [S('a')], NextToken: token, Limit: 10, ConsistentRead: true });
    expect(rest.Items).toEqual([{ sk: N(2) }, { sk: N(3) }, { sk: N(4) }]);
  });

  it('refuses a Limit below 1 as the model does', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    await expectError(run(ddb, `SELECT * FROM "t"`, { Limit: 0 }), 'ValidationException', /Member must have value greater than or equal to 1/);
  });
});
