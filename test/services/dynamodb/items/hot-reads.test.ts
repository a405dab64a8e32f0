/**
 * GetItem of a hot key is answered from a cache of items read lately (store/hot-items.ts): every
 * way of changing an item must show at the next GetItem, never the cached copy.
 */
import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, hashTable } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });
const Key = { pk: { S: 'hot' } };

describe('GetItem of a hot key', () => {
  it('sees every change made after it was cached', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 'hot');
    const get = async () => (await ddb.send(new GetItemCommand({ TableName: 'hot', Key }))).Item;

    await ddb.send(new PutItemCommand({ TableName: 'hot', Item: { ...Key, v: { N: '1' } } }));
    expect(await get()).toEqual({ ...Key, v: { N: '1' } });
    expect(await get()).toEqual({ ...Key, v: { N: '1' } });

    await ddb.send(new UpdateItemCommand({ TableName: 'hot', Key, UpdateExpression: 'ADD v :one', ExpressionAttributeValues: { ':one': { N: '1' } } }));
    expect(await get()).toEqual({ ...Key, v: { N: '2' } });

    await ddb.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 'hot', Item: { ...Key, v: { N: '3' } } } }] }));
    expect(await get()).toEqual({ ...Key, v: { N: '3' } });

    await ddb.send(new BatchWriteItemCommand({ RequestItems: { hot: [{ PutRequest: { Item: { ...Key, v: { N: '4' } } } }] } }));
    expect(await get()).toEqual({ ...Key, v: { N: '4' } });

    // A conditional write that fails changes nothing, and the cached item stays right.
    await expect(ddb.send(new PutItemCommand({ TableName: 'hot', Item: { ...Key, v: { N: '5' } }, ConditionExpression: 'attribute_not_exists(pk)' }))).rejects.toThrow();
    expect(await get()).toEqual({ ...Key, v: { N: '4' } });

    await ddb.send(new DeleteItemCommand({ TableName: 'hot', Key }));
    expect(await get()).toBeUndefined();

    await ddb.send(new PutItemCommand({ TableName: 'hot', Item: { ...Key, v: { N: '6' } } }));
    expect(await get()).toEqual({ ...Key, v: { N: '6' } });
    await ddb.send(new DeleteTableCommand({ TableName: 'hot' }));
    await hashTable(ddb, 'hot');
    expect(await get()).toBeUndefined();
  });

  it('forgets everything when Nimbus is reset', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 'hot');
    await ddb.send(new PutItemCommand({ TableName: 'hot', Item: { ...Key, v: { N: '1' } } }));
    expect((await ddb.send(new GetItemCommand({ TableName: 'hot', Key }))).Item).toBeDefined();
    await nimbus.current.reset();
    await hashTable(ddb, 'hot');
    expect((await ddb.send(new GetItemCommand({ TableName: 'hot', Key }))).Item).toBeUndefined();
  });
});
