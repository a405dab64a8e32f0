import { GetItemCommand, PutItemCommand, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, expectError, hashTable, indexedTable } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });
const S = (s: string): AttributeValue => ({ S: s });
const N = (n: string): AttributeValue => ({ N: n });

describe('UpdateItem', () => {
  it('creates the item when missing (upsert), with or without an expression', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    const created = await ddb.send(
      new UpdateItemCommand({ TableName: 't', Key: { pk: S('a') }, UpdateExpression: 'SET n = :one', ExpressionAttributeValues: { ':one': N('1') }, ReturnValues: 'ALL_NEW' }),
    );
    expect(created.Attributes).toEqual({ pk: S('a'), n: N('1') });
    const bare = await ddb.send(new UpdateItemCommand({ TableName: 't', Key: { pk: S('b') }, ReturnValues: 'ALL_NEW' }));
    expect(bare.Attributes).toEqual({ pk: S('b') });
    expect((await ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('b') } }))).Item).toEqual({ pk: S('b') });
    // An update that only removes does not create a missing item.
    const removal = await ddb.send(new UpdateItemCommand({ TableName: 't', Key: { pk: S('c') }, UpdateExpression: 'REMOVE x', ReturnValues: 'ALL_NEW' }));
    expect(removal).not.toHaveProperty('Attributes');
    await ddb.send(new UpdateItemCommand({ TableName: 't', Key: { pk: S('c') }, AttributeUpdates: { x: { Action: 'DELETE' } } }));
    expect(await ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('c') } }))).not.toHaveProperty('Item');
  });

  it('returns NONE / ALL_OLD / UPDATED_OLD / ALL_NEW / UPDATED_NEW', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    const item = { pk: S('a'), n: N('1'), m: { M: { x: N('1'), y: S('keep') } }, gone: S('g'), other: S('o') };
    const update = (ReturnValues: 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW') =>
      ddb
        .send(new PutItemCommand({ TableName: 't', Item: item }))
        .then(() =>
          ddb.send(
            new UpdateItemCommand({
              TableName: 't',
              Key: { pk: S('a') },
              UpdateExpression: 'SET n = n + :one, m.x = :two, fresh = :two REMOVE gone',
              ExpressionAttributeValues: { ':one': N('1'), ':two': N('2') },
              ReturnValues,
            }),
          ),
        );
    expect(await update('NONE')).not.toHaveProperty('Attributes');
    expect((await update('ALL_OLD')).Attributes).toEqual(item);
    expect((await update('UPDATED_OLD')).Attributes).toEqual({ n: N('1'), m: { M: { x: N('1') } }, gone: S('g') });
    expect((await update('ALL_NEW')).Attributes).toEqual({ pk: S('a'), n: N('2'), m: { M: { x: N('2'), y: S('keep') } }, fresh: N('2'), other: S('o') });
    expect((await update('UPDATED_NEW')).Attributes).toEqual({ n: N('2'), m: { M: { x: N('2') } }, fresh: N('2') });
  });

  it('conditions, key protection, runtime update errors, index key and size checks', async () => {
    const ddb = ddbClient(nimbus);
    await indexedTable(ddb, 'ix');
    const Key = { pk: S('a'), sk: N('1') };
    await ddb.send(new PutItemCommand({ TableName: 'ix', Item: { ...Key, v: N('1') } }));
    const fail = (await expectError(
      ddb.send(
        new UpdateItemCommand({
          TableName: 'ix',
          Key,
          UpdateExpression: 'SET v = :new',
          ConditionExpression: 'v = :old',
          ExpressionAttributeValues: { ':new': N('3'), ':old': N('2') },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      ),
      'ConditionalCheckFailedException',
      'The conditional request failed',
    )) as unknown as Record<string, unknown>;
    expect(fail.Item).toEqual({ ...Key, v: N('1') });
    await expectError(
      ddb.send(new UpdateItemCommand({ TableName: 'ix', Key, UpdateExpression: 'SET sk = :v', ExpressionAttributeValues: { ':v': N('2') } })),
      'ValidationException',
      'One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key',
    );
    await expectError(
      ddb.send(new UpdateItemCommand({ TableName: 'ix', Key, UpdateExpression: 'SET v = nope + :v', ExpressionAttributeValues: { ':v': N('2') } })),
      'ValidationException',
      'The provided expression refers to an attribute that does not exist in the item',
    );
    await expectError(
      ddb.send(new UpdateItemCommand({ TableName: 'ix', Key, UpdateExpression: 'SET gs = :v', ExpressionAttributeValues: { ':v': S('x') } })),
      'ValidationException',
      'One or more parameter values were invalid: Type mismatch for Index Key gs Expected: N Actual: S IndexName: by-gsi',
    );
    await expectError(
      ddb.send(new UpdateItemCommand({ TableName: 'ix', Key, UpdateExpression: 'SET gk = :v', ExpressionAttributeValues: { ':v': S('') } })),
      'ValidationException',
      'One or more parameter values are not valid. The update expression attempted to update a secondary index key to a value that is not supported. The AttributeValue for a key attribute cannot contain an empty string value.',
    );
    const half = 'x'.repeat(300 * 1024);
    await ddb.send(new UpdateItemCommand({ TableName: 'ix', Key, UpdateExpression: 'SET a = :v', ExpressionAttributeValues: { ':v': S(half) } }));
    await expectError(
      ddb.send(new UpdateItemCommand({ TableName: 'ix', Key, UpdateExpression: 'SET b = :v', ExpressionAttributeValues: { ':v': S(half) } })),
      'ValidationException',
      'Item size to update has exceeded the maximum allowed size',
    );
    // Nothing of the failed updates was written.
    const now = (await ddb.send(new GetItemCommand({ TableName: 'ix', Key }))).Item!;
    expect(Object.keys(now).sort()).toEqual(['a', 'pk', 'sk', 'v']);
    await expectError(
      ddb.send(new UpdateItemCommand({ TableName: 'ix', Key: { pk: S('a') }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': N('1') } })),
      'ValidationException',
      'The provided key element does not match the schema',
    );
    await expectError(
      ddb.send(new UpdateItemCommand({ TableName: 'missing', Key, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': N('1') } })),
      'ResourceNotFoundException',
      'Requested resource not found',
    );
  });

  it('legacy AttributeUpdates and Expected', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    const Key = { pk: S('a') };
    const first = await ddb.send(
      new UpdateItemCommand({
        TableName: 't',
        Key,
        AttributeUpdates: { n: { Action: 'ADD', Value: N('5') }, s: { Action: 'PUT', Value: { SS: ['x', 'y'] } } },
        Expected: { pk: { Exists: false } },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    expect(first.Attributes).toEqual({ n: N('5'), s: { SS: ['x', 'y'] } });
    const second = await ddb.send(
      new UpdateItemCommand({ TableName: 't', Key, AttributeUpdates: { s: { Action: 'DELETE', Value: { SS: ['x'] } }, n: { Action: 'DELETE' } }, ReturnValues: 'ALL_NEW' }),
    );
    expect(second.Attributes).toEqual({ pk: S('a'), s: { SS: ['y'] } });
    await expectError(
      ddb.send(new UpdateItemCommand({ TableName: 't', Key, AttributeUpdates: { pk: { Action: 'PUT', Value: S('b') } } })),
      'ValidationException',
      /Cannot update attribute pk\. This attribute is part of the key/,
    );
    await expectError(
      ddb.send(new UpdateItemCommand({ TableName: 't', Key, AttributeUpdates: { s: { Action: 'ADD', Value: N('1') } } })),
      'ValidationException',
      'Type mismatch for attribute to update',
    );
    await expectError(
      ddb.send(new UpdateItemCommand({ TableName: 't', Key, AttributeUpdates: { n: { Action: 'PUT', Value: N('1') } }, UpdateExpression: 'SET n = :v', ExpressionAttributeValues: { ':v': N('1') } })),
      'ValidationException',
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}',
    );
  });

  it('32 concurrent clients × 200 conditional increments of one counter end at exactly 6,400', async () => {
    const setup = ddbClient(nimbus);
    await hashTable(setup, 'counter');
    await setup.send(new PutItemCommand({ TableName: 'counter', Item: { pk: S('c'), n: N('0') } }));
    let conflicts = 0;
    let attempts = 0;
    const started = Date.now();
    async function client(): Promise<void> {
      const ddb = ddbClient(nimbus);
      let seen = (await ddb.send(new GetItemCommand({ TableName: 'counter', Key: { pk: S('c') }, ConsistentRead: true }))).Item!.n!.N!;
      let misses = 0;
      for (let done = 0; done < 200; ) {
        try {
          const r = await ddb.send(
            new UpdateItemCommand({
              TableName: 'counter',
              Key: { pk: S('c') },
              UpdateExpression: 'SET n = :next',
              ConditionExpression: 'n = :seen',
              ExpressionAttributeValues: { ':seen': N(seen), ':next': N(String(Number(seen) + 1)) },
              ReturnValues: 'UPDATED_NEW',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
          );
          seen = r.Attributes!.n!.N!;
          done++;
          attempts++;
        } catch (e) {
          const err = e as { name: string; Item?: Record<string, AttributeValue> };
          if (err.name !== 'ConditionalCheckFailedException') throw e;
          attempts++;
          conflicts++;
          seen = err.Item!.n!.N!;
          // Back off a little, with jitter, as AWS advises for optimistic locking: without it all 32
          // clients retry in lock-step and each round lets exactly one of them through.
          await new Promise((r) => setTimeout(r, Math.random() * Math.min(4 * 2 ** ++misses, 256)));
          continue;
        }
        misses = 0;
      }
      ddb.destroy();
    }
    await Promise.all(Array.from({ length: 32 }, () => client()));
    const final = await setup.send(new GetItemCommand({ TableName: 'counter', Key: { pk: S('c') }, ConsistentRead: true }));
    expect(final.Item).toEqual({ pk: S('c'), n: N('6400') });
    // The clients did race (a lock-step run would show no conflicts and prove nothing).
    expect(conflicts).toBeGreaterThan(0);
    console.log(`6,400 conditional increments: ${attempts} requests, ${conflicts} conflicts, ${Date.now() - started} ms`);
  }, 600_000);
});
