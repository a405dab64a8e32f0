/** PartiQL from the DocumentClient, the aws CLI and boto3, against the same Nimbus. */
import { BatchExecuteStatementCommand, ExecuteStatementCommand, ExecuteTransactionCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { awsCli, boto3, hasAwsCli, hasBoto3, useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, docClient, expectError, hashTable } from '../items/helpers.js';

const nimbus = useNimbus({ resetEach: true });

describe('PartiQL from other clients', () => {
  it('lib-dynamodb: native values in Parameters and Items, paging, batches and transactions', async () => {
    await hashTable(ddbClient(nimbus), 'docs');
    const doc = docClient(nimbus);
    await doc.send(new ExecuteStatementCommand({ Statement: `INSERT INTO "docs" VALUE {'pk': ?, 'age': ?, 'tags': ?, 'nested': ?}`, Parameters: ['u1', 36, new Set(['a', 'b']), { xs: [1, 'two', null, true] }] }));
    const got = await doc.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM "docs" WHERE pk = ?`, Parameters: ['u1'] }));
    expect(got.Items).toEqual([{ pk: 'u1', age: 36, tags: new Set(['a', 'b']), nested: { xs: [1, 'two', null, true] } }]);
    const updated = await doc.send(new ExecuteStatementCommand({ Statement: `UPDATE "docs" SET age = age + ? WHERE pk = ? RETURNING MODIFIED NEW *`, Parameters: [1, 'u1'] }));
    expect(updated.Items).toEqual([{ age: 37 }]);
    await expectError(doc.send(new ExecuteStatementCommand({ Statement: `INSERT INTO "docs" VALUE {'pk': 'u1'}` })), 'DuplicateItemException', 'Duplicate primary key exists in table');

    const batch = await doc.send(
      new BatchExecuteStatementCommand({ Statements: [2, 3, 4].map((n) => ({ Statement: `INSERT INTO "docs" VALUE {'pk': ?, 'n': ?}`, Parameters: [`u${n}`, n] })) }),
    );
    expect(batch.Responses).toEqual([{ TableName: 'docs' }, { TableName: 'docs' }, { TableName: 'docs' }]);
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await doc.send(new ExecuteStatementCommand({ Statement: `SELECT pk FROM "docs"`, Limit: 3, NextToken }));
      seen.push(...(page.Items ?? []).map((i) => i.pk as string));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(seen.sort()).toEqual(['u1', 'u2', 'u3', 'u4']);

    const tx = await doc.send(new ExecuteTransactionCommand({ TransactStatements: [{ Statement: `SELECT n FROM "docs" WHERE pk = ?`, Parameters: ['u2'] }, { Statement: `SELECT n FROM "docs" WHERE pk = 'u9'` }] }));
    expect(tx.Responses).toEqual([{ Item: { n: 2 } }, {}]);
  });

  it.skipIf(!hasAwsCli)('aws dynamodb execute-statement / batch-execute-statement / execute-transaction', async () => {
    await hashTable(ddbClient(nimbus), 'cli');
    const n = nimbus.current;
    const insert = await awsCli(n, ['dynamodb', 'execute-statement', '--statement', `INSERT INTO "cli" VALUE {'pk': 'k', 'n': 1}`]);
    expect(insert.status, insert.stderr).toBe(0);
    expect(insert.json).toEqual({ Items: [] });
    const select = await awsCli(n, ['dynamodb', 'execute-statement', '--statement', `SELECT * FROM "cli" WHERE pk = ?`, '--parameters', '[{"S":"k"}]', '--return-consumed-capacity', 'TOTAL']);
    expect(select.json).toEqual({ Items: [{ pk: { S: 'k' }, n: { N: '1' } }], ConsumedCapacity: { TableName: 'cli', CapacityUnits: 0.5, ReadCapacityUnits: 0.5 } });
    const dup = await awsCli(n, ['dynamodb', 'execute-statement', '--statement', `INSERT INTO "cli" VALUE {'pk': 'k'}`]);
    expect(dup.status).not.toBe(0);
    expect(dup.stderr).toContain('DuplicateItemException');
    const batch = await awsCli(n, ['dynamodb', 'batch-execute-statement', '--statements', JSON.stringify([{ Statement: `UPDATE "cli" SET n = 2 WHERE pk = 'k'` }, { Statement: `UPDATE "cli" SET n = 2 WHERE pk = 'ghost'` }])]);
    expect(batch.json).toEqual({ Responses: [{ TableName: 'cli' }, { TableName: 'cli', Error: { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' } }] });
    const tx = await awsCli(n, ['dynamodb', 'execute-transaction', '--transact-statements', JSON.stringify([{ Statement: `EXISTS(SELECT * FROM "cli" WHERE pk = 'k' AND n = 1)` }, { Statement: `DELETE FROM "cli" WHERE pk = 'other'` }])]);
    expect(tx.status).not.toBe(0);
    expect(tx.stderr).toContain('TransactionCanceledException');
    expect(tx.stderr).toContain('[ConditionalCheckFailed, None]');
  });

  it.skipIf(!hasBoto3)('boto3 client execute_statement with NextToken paging', async () => {
    await hashTable(ddbClient(nimbus), 'py');
    const r = await boto3(
      nimbus.current,
      `
c = client('dynamodb')
for i in range(5):
    c.execute_statement(Statement="INSERT INTO \\"py\\" VALUE {'pk': ?}", Parameters=[{'S': 'k%d' % i}])
keys, pages, token = [], 0, None
while True:
    kw = {'Statement': 'SELECT pk FROM "py"', 'Limit': 2}
    if token: kw['NextToken'] = token
    page = c.execute_statement(**kw)
    pages += 1
    keys += [i['pk']['S'] for i in page['Items']]
    token = page.get('NextToken')
    if not token: break
try:
    c.execute_statement(Statement='SELECT pk FROM "py"', NextToken='bogus')
    bad = None
except c.exceptions.ClientError as e:
    bad = e.response['Error']['Message']
out({'keys': sorted(keys), 'pages': pages, 'bad': bad})
`,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toEqual({ keys: ['k0', 'k1', 'k2', 'k3', 'k4'], pages: 3, bad: 'Invalid NextToken' });
  });
});
