import {
  DeleteItemCommand,
  DescribeTableCommand,
  GetItemCommand,
  PutItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, expectError, hashTable, indexedTable } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });
const S = (s: string): AttributeValue => ({ S: s });
const N = (n: string): AttributeValue => ({ N: n });
const MISMATCH = 'The provided key element does not match the schema';

describe('PutItem / GetItem / DeleteItem', () => {
  it('puts, gets (whole and projected), replaces and deletes an item', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    const item = { pk: S('a'), n: N('001.50'), m: { M: { x: { L: [S('y'), N('2')] } } }, b: { B: new Uint8Array([1, 2]) } };
    expect(await ddb.send(new PutItemCommand({ TableName: 't', Item: item }))).not.toHaveProperty('Attributes');
    const got = await ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('a') } }));
    expect(got.Item).toEqual({ ...item, n: N('1.5') });
    const projected = await ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('a') }, ProjectionExpression: '#m.x[1], n', ExpressionAttributeNames: { '#m': 'm' } }));
    expect(projected.Item).toEqual({ n: N('1.5'), m: { M: { x: { L: [N('2')] } } } });
    const legacy = await ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('a') }, AttributesToGet: ['pk', 'nope'] }));
    expect(legacy.Item).toEqual({ pk: S('a') });
    const none = await ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('a') }, ProjectionExpression: 'nope' }));
    expect(none.Item).toEqual({});

    const replaced = await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('a'), v: N('2') }, ReturnValues: 'ALL_OLD' }));
    expect(replaced.Attributes).toEqual({ ...item, n: N('1.5') });
    expect((await ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('a') } }))).Item).toEqual({ pk: S('a'), v: N('2') });

    const deleted = await ddb.send(new DeleteItemCommand({ TableName: 't', Key: { pk: S('a') }, ReturnValues: 'ALL_OLD' }));
    expect(deleted.Attributes).toEqual({ pk: S('a'), v: N('2') });
    expect(await ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('a') } }))).not.toHaveProperty('Item');
    // Deleting what is not there succeeds and returns nothing.
    expect(await ddb.send(new DeleteItemCommand({ TableName: 't', Key: { pk: S('a') }, ReturnValues: 'ALL_OLD' }))).not.toHaveProperty('Attributes');
    expect((await ddb.send(new DescribeTableCommand({ TableName: 't' }))).Table?.ItemCount).toBe(0);
  });

  it('ConditionExpression: attribute_not_exists guards creation; failures carry the item only with ALL_OLD', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    const put = (v: string, extra: Record<string, unknown> = {}) =>
      ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('k'), v: S(v) }, ConditionExpression: 'attribute_not_exists(pk)', ...extra }));
    await put('first');
    const plain = (await expectError(put('second'), 'ConditionalCheckFailedException', 'The conditional request failed')) as unknown as Record<string, unknown>;
    expect(plain.Item).toBeUndefined();
    const withItem = (await expectError(put('third', { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }), 'ConditionalCheckFailedException')) as unknown as Record<string, unknown>;
    expect(withItem.Item).toEqual({ pk: S('k'), v: S('first') });
    expect((await ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('k') } }))).Item?.v).toEqual(S('first'));

    await expectError(
      ddb.send(new DeleteItemCommand({ TableName: 't', Key: { pk: S('k') }, ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': S('other') } })),
      'ConditionalCheckFailedException',
      'The conditional request failed',
    );
    await ddb.send(new DeleteItemCommand({ TableName: 't', Key: { pk: S('k') }, ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': S('first') } }));
    // A failed condition on a missing item: no Item even with ALL_OLD.
    const missing = (await expectError(
      ddb.send(new DeleteItemCommand({ TableName: 't', Key: { pk: S('k') }, ConditionExpression: 'attribute_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' })),
      'ConditionalCheckFailedException',
    )) as unknown as Record<string, unknown>;
    expect(missing.Item).toBeUndefined();
  });

  it('legacy Expected works and cannot be mixed with expressions', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('k'), v: N('1') }, Expected: { pk: { Exists: false } } }));
    await expectError(
      ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('k'), v: N('2') }, Expected: { pk: { Exists: false } } })),
      'ConditionalCheckFailedException',
      'The conditional request failed',
    );
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('k'), v: N('2') }, Expected: { v: { ComparisonOperator: 'EQ', AttributeValueList: [N('1')] } } }));
    await expectError(
      ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('k') }, Expected: { v: { Exists: false } }, ConditionExpression: 'attribute_exists(v)' })),
      'ValidationException',
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}',
    );
    await expectError(
      ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('k') }, AttributesToGet: ['v'], ProjectionExpression: 'v' })),
      'ValidationException',
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}',
    );
  });

  it('refuses keys that do not match the schema, empty keys and oversized keys', async () => {
    const ddb = ddbClient(nimbus);
    await indexedTable(ddb, 'ix');
    const get = (Key: Record<string, AttributeValue>) => ddb.send(new GetItemCommand({ TableName: 'ix', Key }));
    await expectError(get({ pk: S('a') }), 'ValidationException', MISMATCH);
    await expectError(get({ pk: S('a'), sk: S('1') }), 'ValidationException', MISMATCH);
    await expectError(get({ pk: S('a'), sk: N('1'), x: S('1') }), 'ValidationException', MISMATCH);
    await expectError(get({ pk: N('1'), sk: N('1') }), 'ValidationException', MISMATCH);
    await expectError(ddb.send(new DeleteItemCommand({ TableName: 'ix', Key: { other: S('a'), sk: N('1') } })), 'ValidationException', MISMATCH);
    await expectError(
      get({ pk: S(''), sk: N('1') }),
      'ValidationException',
      'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk',
    );
    await expectError(
      get({ pk: S('x'.repeat(2049)), sk: N('1') }),
      'ValidationException',
      'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes',
    );
    await expectError(get({ pk: { S: 'a', N: '1' } as unknown as AttributeValue, sk: N('1') }), 'ValidationException', 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
  });

  it('refuses items missing a key, with wrong key or index key types, empty index keys, over 400 KB', async () => {
    const ddb = ddbClient(nimbus);
    await indexedTable(ddb, 'ix');
    const put = (Item: Record<string, AttributeValue>) => ddb.send(new PutItemCommand({ TableName: 'ix', Item }));
    await expectError(put({ pk: S('a') }), 'ValidationException', 'One or more parameter values were invalid: Missing the key sk in the item');
    await expectError(put({ pk: S('a'), sk: S('1') }), 'ValidationException', 'One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S');
    await expectError(
      put({ pk: S('a'), sk: N('1'), gk: N('5') }),
      'ValidationException',
      'One or more parameter values were invalid: Type mismatch for Index Key gk Expected: S Actual: N IndexName: by-gsi',
    );
    await expectError(
      put({ pk: S('a'), sk: N('1'), lsk: { L: [] } }),
      'ValidationException',
      'One or more parameter values were invalid: Type mismatch for Index Key lsk Expected: S Actual: L IndexName: by-lsi',
    );
    await expectError(
      put({ pk: S('a'), sk: N('1'), gk: S('') }),
      'ValidationException',
      'One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: by-gsi, IndexKey: gk',
    );
    await expectError(
      put({ pk: S(''), sk: N('1') }),
      'ValidationException',
      'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk',
    );
    // 400 KB exactly is fine, one byte more is not (size = names + values).
    const limit = 400 * 1024;
    const base = { pk: S('a'), sk: N('1') }; // 2 + 1 + 2 + 2 bytes
    const fill = limit - 7 - 1; // the name "p"
    await put({ ...base, p: S('x'.repeat(fill)) });
    await expectError(put({ ...base, p: S('x'.repeat(fill + 1)) }), 'ValidationException', 'Item size has exceeded the maximum allowed size');
    // Non-key empty strings are fine; sparse indexes skip missing attributes.
    await put({ pk: S('b'), sk: N('2'), note: S(''), gs: N('3') });
  });

  it('missing tables, ReturnValues rules, ReturnConsumedCapacity and ItemCollectionMetrics', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    await indexedTable(ddb, 'ix');
    await expectError(ddb.send(new GetItemCommand({ TableName: 'nope', Key: { pk: S('a') } })), 'ResourceNotFoundException', 'Requested resource not found');
    await expectError(ddb.send(new PutItemCommand({ TableName: 'nope', Item: { pk: S('a') } })), 'ResourceNotFoundException', 'Requested resource not found');
    await expectError(ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('a') }, ReturnValues: 'ALL_NEW' })), 'ValidationException', 'ReturnValues can only be ALL_OLD or NONE');
    await expectError(ddb.send(new DeleteItemCommand({ TableName: 't', Key: { pk: S('a') }, ReturnValues: 'UPDATED_OLD' })), 'ValidationException', 'ReturnValues can only be ALL_OLD or NONE');

    const big = { pk: S('a'), p: S('x'.repeat(5000)) }; // 5,003 bytes: 5 write units, 2 read units (4 KB)
    const put = await ddb.send(new PutItemCommand({ TableName: 't', Item: big, ReturnConsumedCapacity: 'TOTAL' }));
    expect(put.ConsumedCapacity).toEqual({ TableName: 't', CapacityUnits: 5, WriteCapacityUnits: 5 });
    const strong = await ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('a') }, ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }));
    expect(strong.ConsumedCapacity).toEqual({ TableName: 't', CapacityUnits: 2, ReadCapacityUnits: 2 });
    const eventual = await ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('a') }, ReturnConsumedCapacity: 'INDEXES' }));
    expect(eventual.ConsumedCapacity).toEqual({ TableName: 't', CapacityUnits: 1, ReadCapacityUnits: 1, Table: { CapacityUnits: 1, ReadCapacityUnits: 1 } });
    const missing = await ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('zz') }, ReturnConsumedCapacity: 'TOTAL' }));
    expect(missing.ConsumedCapacity).toEqual({ TableName: 't', CapacityUnits: 0.5, ReadCapacityUnits: 0.5 });
    expect(await ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('a') }, ReturnConsumedCapacity: 'NONE' }))).not.toHaveProperty('ConsumedCapacity');

    // Index capacity: the GSI entries appear (ALL: the whole item; KEYS_ONLY: the keys), the LSI entry too.
    const indexed = await ddb.send(
      new PutItemCommand({
        TableName: 'ix',
        Item: { pk: S('p'), sk: N('1'), gk: S('g'), gs: N('1'), lsk: S('l') },
        ReturnConsumedCapacity: 'INDEXES',
        ReturnItemCollectionMetrics: 'SIZE',
      }),
    );
    expect(indexed.ConsumedCapacity).toEqual({
      TableName: 'ix',
      CapacityUnits: 4,
      WriteCapacityUnits: 4,
      Table: { CapacityUnits: 1, WriteCapacityUnits: 1 },
      LocalSecondaryIndexes: { 'by-lsi': { CapacityUnits: 1, WriteCapacityUnits: 1 } },
      GlobalSecondaryIndexes: { 'by-gsi': { CapacityUnits: 1, WriteCapacityUnits: 1 }, 'by-num': { CapacityUnits: 1, WriteCapacityUnits: 1 } },
    });
    expect(indexed.ItemCollectionMetrics).toEqual({ ItemCollectionKey: { pk: S('p') }, SizeEstimateRangeGB: [0, 1] });
    // A table without an LSI returns no ItemCollectionMetrics.
    expect(await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('b') }, ReturnItemCollectionMetrics: 'SIZE' }))).not.toHaveProperty('ItemCollectionMetrics');
    // Changing only a non-projected attribute leaves the LSI (INCLUDE extra) and the KEYS_ONLY GSI alone.
    const again = await ddb.send(
      new PutItemCommand({ TableName: 'ix', Item: { pk: S('p'), sk: N('1'), gk: S('g'), gs: N('1'), lsk: S('l'), other: S('o') }, ReturnConsumedCapacity: 'INDEXES' }),
    );
    expect(again.ConsumedCapacity?.LocalSecondaryIndexes).toBeUndefined();
    expect(again.ConsumedCapacity?.GlobalSecondaryIndexes).toEqual({ 'by-gsi': { CapacityUnits: 1, WriteCapacityUnits: 1 } });
  });

  it('accepts a table ARN as TableName', async () => {
    const ddb = ddbClient(nimbus);
    await hashTable(ddb, 't');
    const arn = 'arn:aws:dynamodb:us-east-1:000000000000:table/t';
    await ddb.send(new PutItemCommand({ TableName: arn, Item: { pk: S('a') } }));
    const got = await ddb.send(new GetItemCommand({ TableName: arn, Key: { pk: S('a') }, ReturnConsumedCapacity: 'TOTAL' }));
    expect(got.Item).toEqual({ pk: S('a') });
    expect(got.ConsumedCapacity?.TableName).toBe(arn);
  });
});
