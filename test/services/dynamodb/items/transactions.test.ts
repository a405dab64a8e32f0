import {
  GetItemCommand,
  PutItemCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  type AttributeValue,
  type TransactionCanceledException,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, expectError, hashTable, indexedTable } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });
const S = (s: string): AttributeValue => ({ S: s });
const N = (n: string): AttributeValue => ({ N: n });

async function cancelled(call: Promise<unknown>, codes: string[]): Promise<TransactionCanceledException> {
  const e = (await expectError(
    call,
    'TransactionCanceledException',
    `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
  )) as unknown as TransactionCanceledException;
  expect(e.CancellationReasons?.map((r) => r.Code)).toEqual(codes);
  return e;
}

describe('TransactWriteItems', () => {
  it('applies Put, Update, Delete and ConditionCheck across tables atomically', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 'a');
    await hashTable(ddb, 'b');
    await ddb.send(new PutItemCommand({ TableName: 'a', Item: { pk: S('acct'), balance: N('100') } }));
    await ddb.send(new PutItemCommand({ TableName: 'b', Item: { pk: S('gone') } }));
    await ddb.send(new PutItemCommand({ TableName: 'b', Item: { pk: S('flag'), on: { BOOL: true } } }));
    const out = await ddb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Update: { TableName: 'a', Key: { pk: S('acct') }, UpdateExpression: 'SET balance = balance - :d', ConditionExpression: 'balance >= :d', ExpressionAttributeValues: { ':d': N('30') } } },
          { Put: { TableName: 'b', Item: { pk: S('order'), amount: N('30') }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Delete: { TableName: 'b', Key: { pk: S('gone') } } },
          { ConditionCheck: { TableName: 'b', Key: { pk: S('flag') }, ConditionExpression: '#o = :t', ExpressionAttributeNames: { '#o': 'on' }, ExpressionAttributeValues: { ':t': { BOOL: true } } } },
        ],
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    expect(out.ConsumedCapacity).toEqual([
      { TableName: 'a', CapacityUnits: 2, WriteCapacityUnits: 2 },
      { TableName: 'b', CapacityUnits: 6, ReadCapacityUnits: 2, WriteCapacityUnits: 4 },
    ]);
    const get = (TableName: string, pk: string) => ddb.send(new GetItemCommand({ TableName, Key: { pk: S(pk) } })).then((r) => r.Item);
    expect(await get('a', 'acct')).toEqual({ pk: S('acct'), balance: N('70') });
    expect(await get('b', 'order')).toEqual({ pk: S('order'), amount: N('30') });
    expect(await get('b', 'gone')).toBeUndefined();
  });

  it('cancels with one reason per action, in order, and writes nothing', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    await indexedTable(ddb, 'ix');
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('taken'), v: S('old') } }));
    const e = await cancelled(
      ddb.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: 't', Item: { pk: S('new') }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: 't', Item: { pk: S('taken') }, ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
            { Update: { TableName: 't', Key: { pk: N('1') }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': S('x') } } },
            { Put: { TableName: 'ix', Item: { pk: S('p'), sk: N('1'), gk: N('5') } } },
            { Update: { TableName: 't', Key: { pk: S('u') }, UpdateExpression: 'SET v = absent + :one', ExpressionAttributeValues: { ':one': N('1') } } },
            { ConditionCheck: { TableName: 't', Key: { pk: S('nobody') }, ConditionExpression: 'attribute_exists(pk)' } },
          ],
        }),
      ),
      ['None', 'ConditionalCheckFailed', 'ValidationError', 'ValidationError', 'ValidationError', 'ConditionalCheckFailed'],
    );
    const reasons = e.CancellationReasons!;
    expect(reasons[0]).toEqual({ Code: 'None' });
    expect(reasons[1]).toEqual({ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { pk: S('taken'), v: S('old') } });
    expect(reasons[2]).toEqual({ Code: 'ValidationError', Message: 'The provided key element does not match the schema' });
    expect(reasons[3]?.Message).toBe('One or more parameter values were invalid: Type mismatch for Index Key gk Expected: S Actual: N IndexName: by-gsi');
    expect(reasons[4]?.Message).toBe('The provided expression refers to an attribute that does not exist in the item');
    expect(reasons[5]).toEqual({ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' });
    expect((await ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('new') } }))).Item).toBeUndefined();
  });

  it('refuses requests before running them', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    const send = (TransactItems: TransactWriteItem[]) => ddb.send(new TransactWriteItemsCommand({ TransactItems }));
    await expectError(
      send([{ Put: { TableName: 't', Item: { pk: S('x') } } }, { Delete: { TableName: 't', Key: { pk: S('x') } } }]),
      'ValidationException',
      'Transaction request cannot include multiple operations on one item',
    );
    await expectError(send([{ Put: { TableName: 'nope', Item: { pk: S('x') } } }]), 'ResourceNotFoundException', 'Requested resource not found');
    await expectError(
      send([{ Put: { TableName: 't', Item: { pk: S('') } } }]),
      'ValidationException',
      'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk',
    );
    await expectError(send([{ Put: { TableName: 't', Item: { pk: S('x'), p: S('x'.repeat(400 * 1024)) } } }]), 'ValidationException', 'Item size has exceeded the maximum allowed size');
    await expectError(send([{} as TransactWriteItem]), 'ValidationException', 'Invalid Request: TransactWriteRequest should contain Delete or Put or Update request');
    await expectError(
      send([{ Put: { TableName: 't', Item: { pk: S('x') } }, Delete: { TableName: 't', Key: { pk: S('x') } } }]),
      'ValidationException',
      'TransactItems can only contain one of Check, Put, Update or Delete',
    );
    await expectError(
      send([{ ConditionCheck: { TableName: 't', Key: { pk: S('x') }, ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':v': S('x') } } }]),
      'ValidationException',
      'Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}',
    );
    await expectError(
      send([{ Update: { TableName: 't', Key: { pk: S('x') }, UpdateExpression: 'SET pk = :v', ExpressionAttributeValues: { ':v': S('y') } } }]),
      'ValidationException',
      'One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key',
    );
    await expectError(send(Array.from({ length: 101 }, (_, i) => ({ Put: { TableName: 't', Item: { pk: S(`k${i}`) } } }))), 'ValidationException', /Member must have length less than or equal to 100/);
    await expectError(send([]), 'ValidationException', /Member must have length greater than or equal to 1/);
  });

  it('ClientRequestToken: a repeat is not applied again; other parameters are a mismatch', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('c'), n: N('0') } }));
    const increment = (token: string, by = '1') =>
      ddb.send(
        new TransactWriteItemsCommand({
          ClientRequestToken: token,
          TransactItems: [{ Update: { TableName: 't', Key: { pk: S('c') }, UpdateExpression: 'ADD n :by', ExpressionAttributeValues: { ':by': N(by) } } }],
        }),
      );
    await increment('tok-1');
    await increment('tok-1');
    await increment('tok-1');
    const n = async () => (await ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('c') } }))).Item?.n;
    expect(await n()).toEqual(N('1'));
    await expectError(increment('tok-1', '2'), 'IdempotentParameterMismatchException');
    // The mismatch did not forget the original: a faithful repeat still answers without writing.
    await increment('tok-1');
    await increment('tok-2');
    expect(await n()).toEqual(N('2'));
    // A cancelled transaction does not use its token up.
    const guarded = () =>
      ddb.send(
        new TransactWriteItemsCommand({
          ClientRequestToken: 'tok-3',
          TransactItems: [{ Put: { TableName: 't', Item: { pk: S('g') }, ConditionExpression: 'attribute_exists(ok)' } }],
        }),
      );
    await cancelled(guarded(), ['ConditionalCheckFailed']);
    await cancelled(guarded(), ['ConditionalCheckFailed']);
  });
});

describe('concurrent transactions', () => {
  it('transfers between accounts from 8 clients at once: money is neither created nor lost, no balance goes negative', async () => {
    const setup = ddbClient(nimbus);
    await hashTable(setup, 'bank');
    const accounts = ['a', 'b', 'c', 'd'];
    for (const id of accounts) await setup.send(new PutItemCommand({ TableName: 'bank', Item: { pk: S(id), balance: N('50') } }));
    let committed = 0;
    let refused = 0;
    await Promise.all(
      Array.from({ length: 8 }, async (_, c) => {
        const ddb = ddbClient(nimbus);
        for (let i = 0; i < 25; i++) {
          const from = accounts[(c + i) % 4]!;
          const to = accounts[(c + i + 1 + (i % 3)) % 4]!;
          const amount = N(String(5 + ((c * 7 + i) % 20)));
          try {
            await ddb.send(
              new TransactWriteItemsCommand({
                TransactItems: [
                  { Update: { TableName: 'bank', Key: { pk: S(from) }, UpdateExpression: 'SET balance = balance - :m', ConditionExpression: 'balance >= :m', ExpressionAttributeValues: { ':m': amount } } },
                  { Update: { TableName: 'bank', Key: { pk: S(to) }, UpdateExpression: 'SET balance = balance + :m', ExpressionAttributeValues: { ':m': amount } } },
                ],
              }),
            );
            committed++;
          } catch (e) {
            if ((e as Error).name !== 'TransactionCanceledException') throw e;
            refused++;
          }
        }
        ddb.destroy();
      }),
    );
    const snapshot = await setup.send(new TransactGetItemsCommand({ TransactItems: accounts.map((id) => ({ Get: { TableName: 'bank', Key: { pk: S(id) } } })) }));
    const balances = snapshot.Responses!.map((r) => Number(r.Item!.balance!.N));
    expect(balances.reduce((a, b) => a + b, 0)).toBe(200);
    expect(Math.min(...balances)).toBeGreaterThanOrEqual(0);
    expect(committed + refused).toBe(200);
    expect(committed).toBeGreaterThan(0);
  }, 60_000);
});

describe('TransactGetItems', () => {
  it('reads a snapshot in request order with projections; missing items are empty responses', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 'a');
    await hashTable(ddb, 'b');
    await ddb.send(new PutItemCommand({ TableName: 'a', Item: { pk: S('1'), x: S('x'), y: S('y') } }));
    await ddb.send(new PutItemCommand({ TableName: 'b', Item: { pk: S('1'), z: N('9') } }));
    const out = await ddb.send(
      new TransactGetItemsCommand({
        TransactItems: [
          { Get: { TableName: 'b', Key: { pk: S('1') } } },
          { Get: { TableName: 'a', Key: { pk: S('nope') } } },
          { Get: { TableName: 'a', Key: { pk: S('1') }, ProjectionExpression: '#y', ExpressionAttributeNames: { '#y': 'y' } } },
        ],
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    expect(out.Responses).toEqual([{ Item: { pk: S('1'), z: N('9') } }, {}, { Item: { y: S('y') } }]);
    expect(out.ConsumedCapacity).toEqual([
      { TableName: 'b', CapacityUnits: 2, ReadCapacityUnits: 2 },
      { TableName: 'a', CapacityUnits: 4, ReadCapacityUnits: 4 },
    ]);
    await expectError(
      ddb.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: 'a', Key: { pk: S('1') } } }, { Get: { TableName: 'a', Key: { pk: S('1') } } }] })),
      'ValidationException',
      'Transaction request cannot include multiple operations on one item',
    );
    await cancelled(
      ddb.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: 'a', Key: { pk: S('1') } } }, { Get: { TableName: 'b', Key: { pk: N('1') } } }] })),
      ['None', 'ValidationError'],
    );
    await expectError(ddb.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: 'zz', Key: { pk: S('1') } } }] })), 'ResourceNotFoundException', 'Requested resource not found');
  });
});
