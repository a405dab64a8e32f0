import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { awsCli, boto3, hasAwsCli, hasBoto3, useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, docClient, expectError, hashTable } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });

describe('DynamoDB items from the DocumentClient, boto3 and the aws CLI', () => {
  it('lib-dynamodb DocumentClient: native JS values through every item operation', async () => {
    await hashTable(ddbClient(nimbus), 'docs');
    const doc = docClient(nimbus);
    const item = { pk: 'u#1', name: 'Ada', age: 36, tags: new Set(['a', 'b']), nested: { xs: [1, 'two', null, true] }, bytes: new Uint8Array([7]) };
    await doc.send(new PutCommand({ TableName: 'docs', Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    expect((await doc.send(new GetCommand({ TableName: 'docs', Key: { pk: 'u#1' } }))).Item).toEqual(item);
    const updated = await doc.send(
      new UpdateCommand({
        TableName: 'docs',
        Key: { pk: 'u#1' },
        UpdateExpression: 'SET age = age + :one, nested.xs[1] = :s ADD tags :t',
        ExpressionAttributeValues: { ':one': 1, ':s': 'deux', ':t': new Set(['c']) },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    expect(updated.Attributes).toEqual({ age: 37, nested: { xs: ['deux'] }, tags: new Set(['a', 'b', 'c']) });
    await expectError(
      doc.send(new PutCommand({ TableName: 'docs', Item: { pk: 'u#1' }, ConditionExpression: 'attribute_not_exists(pk)' })),
      'ConditionalCheckFailedException',
      'The conditional request failed',
    );
    await doc.send(new BatchWriteCommand({ RequestItems: { docs: [{ PutRequest: { Item: { pk: 'u#2', n: 2 } } }, { PutRequest: { Item: { pk: 'u#3', n: 3 } } }] } }));
    const batch = await doc.send(new BatchGetCommand({ RequestItems: { docs: { Keys: [{ pk: 'u#2' }, { pk: 'u#3' }], ProjectionExpression: 'n' } } }));
    expect(batch.Responses?.docs?.map((i) => i.n).sort()).toEqual([2, 3]);
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Update: { TableName: 'docs', Key: { pk: 'u#2' }, UpdateExpression: 'SET n = n * :z', ConditionExpression: 'n = :two', ExpressionAttributeValues: { ':two': 2, ':z': 0 } } },
          { Delete: { TableName: 'docs', Key: { pk: 'u#3' } } },
        ],
      }),
    ).then(
      () => expect.unreachable('SET n = n * :z is not an update expression'),
      (e: Error) => expect(e.name).toBe('ValidationException'),
    );
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Update: { TableName: 'docs', Key: { pk: 'u#2' }, UpdateExpression: 'SET n = n - :two', ConditionExpression: 'n = :two', ExpressionAttributeValues: { ':two': 2 } } },
          { Delete: { TableName: 'docs', Key: { pk: 'u#3' } } },
        ],
      }),
    );
    const snapshot = await doc.send(new TransactGetCommand({ TransactItems: [{ Get: { TableName: 'docs', Key: { pk: 'u#2' } } }, { Get: { TableName: 'docs', Key: { pk: 'u#3' } } }] }));
    expect(snapshot.Responses).toEqual([{ Item: { pk: 'u#2', n: 0 } }, {}]);
    const removed = await doc.send(new DeleteCommand({ TableName: 'docs', Key: { pk: 'u#1' }, ReturnValues: 'ALL_OLD' }));
    expect(removed.Attributes?.name).toBe('Ada');
  });

  it.skipIf(!hasBoto3)('boto3 resource API: put_item, get_item, update_item with conditions, batch_writer, Decimal numbers', async () => {
    await hashTable(ddbClient(nimbus), 'py');
    const r = await boto3(
      nimbus.current,
      `
from decimal import Decimal
from boto3.dynamodb.conditions import Attr
ddb = boto3.resource('dynamodb', endpoint_url=client('dynamodb').meta.endpoint_url, region_name=session.region_name)
t = ddb.Table('py')
t.put_item(Item={'pk': 'a', 'n': Decimal('1.50'), 's': {'x', 'y'}, 'm': {'k': [1, 'v']}})
got = t.get_item(Key={'pk': 'a'}, ConsistentRead=True)['Item']
up = t.update_item(Key={'pk': 'a'}, UpdateExpression='SET n = n + :d', ConditionExpression=Attr('n').eq(Decimal('1.5')),
    ExpressionAttributeValues={':d': Decimal('0.25')}, ReturnValues='ALL_NEW')['Attributes']
try:
    t.update_item(Key={'pk': 'a'}, UpdateExpression='SET n = :z', ConditionExpression=Attr('n').lt(1), ExpressionAttributeValues={':z': 0})
    failed = None
except t.meta.client.exceptions.ConditionalCheckFailedException as e:
    failed = e.response['Error']['Message']
with t.batch_writer() as w:
    for i in range(30):
        w.put_item(Item={'pk': 'b%d' % i, 'i': i})
count = sum(1 for i in range(30) if 'Item' in t.get_item(Key={'pk': 'b%d' % i}))
out({'got_n': str(got['n']), 'set': sorted(got['s']), 'm': [str(x) for x in got['m']['k']], 'new_n': str(up['n']), 'failed': failed, 'count': count})
`,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toEqual({ got_n: '1.5', set: ['x', 'y'], m: ['1', 'v'], new_n: '1.75', failed: 'The conditional request failed', count: 30 });
  });

  it.skipIf(!hasAwsCli)('aws dynamodb put-item / get-item / update-item / delete-item', async () => {
    await hashTable(ddbClient(nimbus), 'cli');
    const n = nimbus.current;
    const put = await awsCli(n, ['dynamodb', 'put-item', '--table-name', 'cli', '--item', '{"pk":{"S":"k"},"n":{"N":"1"}}', '--return-consumed-capacity', 'TOTAL']);
    expect(put.status, put.stderr).toBe(0);
    expect(put.json).toEqual({ ConsumedCapacity: { TableName: 'cli', CapacityUnits: 1, WriteCapacityUnits: 1 } });
    const got = await awsCli(n, ['dynamodb', 'get-item', '--table-name', 'cli', '--key', '{"pk":{"S":"k"}}', '--consistent-read']);
    expect(got.json).toEqual({ Item: { pk: { S: 'k' }, n: { N: '1' } } });
    const upd = await awsCli(n, [
      'dynamodb', 'update-item', '--table-name', 'cli', '--key', '{"pk":{"S":"k"}}',
      '--update-expression', 'ADD n :one', '--expression-attribute-values', '{":one":{"N":"1"}}', '--return-values', 'UPDATED_NEW',
    ]);
    expect(upd.json).toEqual({ Attributes: { n: { N: '2' } } });
    const failed = await awsCli(n, ['dynamodb', 'put-item', '--table-name', 'cli', '--item', '{"pk":{"S":"k"}}', '--condition-expression', 'attribute_not_exists(pk)']);
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain('ConditionalCheckFailedException');
    expect(failed.stderr).toContain('The conditional request failed');
    const del = await awsCli(n, ['dynamodb', 'delete-item', '--table-name', 'cli', '--key', '{"pk":{"S":"k"}}', '--return-values', 'ALL_OLD']);
    expect(del.json).toEqual({ Attributes: { pk: { S: 'k' }, n: { N: '2' } } });
    const gone = await awsCli(n, ['dynamodb', 'get-item', '--table-name', 'cli', '--key', '{"pk":{"S":"k"}}']);
    expect(gone.status).toBe(0);
    expect(gone.json).toBeUndefined();
  });
});
