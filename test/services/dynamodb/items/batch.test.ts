import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  GetItemCommand,
  PutItemCommand,
  type AttributeValue,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, expectError, hashTable, indexedTable } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });
const S = (s: string): AttributeValue => ({ S: s });
const N = (n: string): AttributeValue => ({ N: n });
const put = (Item: Record<string, AttributeValue>): WriteRequest => ({ PutRequest: { Item } });
const del = (Key: Record<string, AttributeValue>): WriteRequest => ({ DeleteRequest: { Key } });

describe('BatchWriteItem', () => {
  it('puts and deletes across tables, reports capacity per table and metrics for LSI tables', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 'a');
    await indexedTable(ddb, 'ix');
    await ddb.send(new PutItemCommand({ TableName: 'a', Item: { pk: S('old') } }));
    const out = await ddb.send(
      new BatchWriteItemCommand({
        RequestItems: {
          a: [put({ pk: S('1'), v: S('x') }), put({ pk: S('2') }), del({ pk: S('old') }), del({ pk: S('never') })],
          ix: [put({ pk: S('p'), sk: N('1'), lsk: S('l') }), put({ pk: S('p'), sk: N('2') })],
        },
        ReturnConsumedCapacity: 'TOTAL',
        ReturnItemCollectionMetrics: 'SIZE',
      }),
    );
    expect(out.UnprocessedItems).toEqual({});
    expect(out.ConsumedCapacity).toEqual([
      { TableName: 'a', CapacityUnits: 4, WriteCapacityUnits: 4 },
      { TableName: 'ix', CapacityUnits: 3, WriteCapacityUnits: 3 },
    ]);
    expect(out.ItemCollectionMetrics).toEqual({ ix: [{ ItemCollectionKey: { pk: S('p') }, SizeEstimateRangeGB: [0, 1] }] });
    const get = (TableName: string, Key: Record<string, AttributeValue>) => ddb.send(new GetItemCommand({ TableName, Key })).then((r) => r.Item);
    expect(await get('a', { pk: S('1') })).toEqual({ pk: S('1'), v: S('x') });
    expect(await get('a', { pk: S('old') })).toBeUndefined();
    expect(await get('ix', { pk: S('p'), sk: N('2') })).toEqual({ pk: S('p'), sk: N('2') });
  });

  it('refuses the whole batch: duplicates, >25 requests, bad requests, bad keys, missing tables', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 'a');
    await hashTable(ddb, 'b');
    const send = (RequestItems: Record<string, WriteRequest[]>) => ddb.send(new BatchWriteItemCommand({ RequestItems }));
    await expectError(send({ a: [put({ pk: S('1') }), del({ pk: S('1') })] }), 'ValidationException', 'Provided list of item keys contains duplicates');
    // The same key in two tables is two items.
    await send({ a: [put({ pk: S('1') })], b: [put({ pk: S('1') })] });
    const many = Array.from({ length: 13 }, (_, i) => put({ pk: S(`k${i}`) }));
    await expectError(send({ a: many, b: many }), 'ValidationException', 'Too many items requested for the BatchWriteItem call');
    await expectError(send({ a: Array.from({ length: 26 }, (_, i) => put({ pk: S(`k${i}`) })) }), 'ValidationException', /Member must have length less than or equal to 25/);
    await expectError(send({ a: [{}] }), 'ValidationException', 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
    await expectError(send({ a: [put({ pk: N('1') })] }), 'ValidationException', 'One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N');
    await expectError(send({ a: [del({ pk: S('1'), x: S('2') })] }), 'ValidationException', 'The provided key element does not match the schema');
    await expectError(send({ a: [put({ pk: S('z') })], nope: [put({ pk: S('1') })] }), 'ResourceNotFoundException', 'Requested resource not found');
    await expectError(send({ a: [put({ pk: S('z'), p: S('x'.repeat(400 * 1024)) })] }), 'ValidationException', 'Item size has exceeded the maximum allowed size');
    // None of the refused batches wrote anything.
    expect((await ddb.send(new GetItemCommand({ TableName: 'a', Key: { pk: S('z') } }))).Item).toBeUndefined();
    expect((await ddb.send(new GetItemCommand({ TableName: 'a', Key: { pk: S('k0') } }))).Item).toBeUndefined();
  });
});

describe('BatchGetItem', () => {
  it('reads across tables with per-table projection and consistency, skipping missing items', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 'a');
    await hashTable(ddb, 'b');
    await ddb.send(new BatchWriteItemCommand({ RequestItems: { a: [put({ pk: S('1'), x: S('x'), y: S('y') }), put({ pk: S('2'), x: S('x2') })], b: [put({ pk: S('1'), z: N('1') })] } }));
    const out = await ddb.send(
      new BatchGetItemCommand({
        RequestItems: {
          a: { Keys: [{ pk: S('1') }, { pk: S('2') }, { pk: S('3') }], ProjectionExpression: '#x', ExpressionAttributeNames: { '#x': 'x' }, ConsistentRead: true },
          b: { Keys: [{ pk: S('1') }], AttributesToGet: ['z'] },
        },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    expect(out.Responses?.a).toEqual(expect.arrayContaining([{ x: S('x') }, { x: S('x2') }]));
    expect(out.Responses?.a).toHaveLength(2);
    expect(out.Responses?.b).toEqual([{ z: N('1') }]);
    expect(out.UnprocessedKeys).toEqual({});
    expect(out.ConsumedCapacity).toEqual([
      { TableName: 'a', CapacityUnits: 3, ReadCapacityUnits: 3 },
      { TableName: 'b', CapacityUnits: 0.5, ReadCapacityUnits: 0.5 },
    ]);
  });

  it('refuses duplicates, >100 keys, bad keys, missing tables, mixed parameters', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 'a');
    await hashTable(ddb, 'b');
    const send = (RequestItems: Record<string, { Keys: Record<string, AttributeValue>[]; [k: string]: unknown }>) => ddb.send(new BatchGetItemCommand({ RequestItems }));
    await expectError(send({ a: { Keys: [{ pk: S('1') }, { pk: S('1') }] } }), 'ValidationException', 'Provided list of item keys contains duplicates');
    const keys = Array.from({ length: 51 }, (_, i) => ({ pk: S(`k${i}`) }));
    await expectError(send({ a: { Keys: keys }, b: { Keys: keys } }), 'ValidationException', 'Too many items requested for the BatchGetItem call');
    await expectError(send({ a: { Keys: [{ pk: N('1') }] } }), 'ValidationException', 'The provided key element does not match the schema');
    await expectError(send({ nope: { Keys: [{ pk: S('1') }] } }), 'ResourceNotFoundException', 'Requested resource not found');
    await expectError(
      send({ a: { Keys: [{ pk: S('1') }], AttributesToGet: ['x'], ProjectionExpression: 'x' } }),
      'ValidationException',
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}',
    );
  });

  it('returns what passes 16 MB as UnprocessedKeys, with the table request parameters', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 'big');
    const blob = 'x'.repeat(390 * 1024);
    for (let i = 0; i < 50; i += 10) {
      await ddb.send(new BatchWriteItemCommand({ RequestItems: { big: Array.from({ length: 10 }, (_, j) => put({ pk: S(`k${i + j}`), p: S(blob) })) } }));
    }
    const Keys = Array.from({ length: 50 }, (_, i) => ({ pk: S(`k${i}`) }));
    const out = await ddb.send(new BatchGetItemCommand({ RequestItems: { big: { Keys, ConsistentRead: true } } }));
    const got = out.Responses!.big!.length;
    const left = out.UnprocessedKeys!.big!;
    // Items of 399,365–399,366 bytes: 42 of them fit in 16 MB (16,773,362 bytes), a 43rd would not.
    expect(got).toBe(42);
    expect(left.ConsistentRead).toBe(true);
    expect(left.Keys).toHaveLength(50 - got);
    // Retrying the unprocessed keys gets the rest.
    const rest = await ddb.send(new BatchGetItemCommand({ RequestItems: { big: left } }));
    expect(rest.Responses!.big!.length).toBe(50 - got);
    expect(rest.UnprocessedKeys).toEqual({});
  }, 60_000);
});
