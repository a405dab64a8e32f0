import { QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient } from '../tables/helpers.js';
import { createTable, filler, N, putItems, S, type Item } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });

/** Partition `p` holds sk 0..count-1 with a payload; `odd` marks odd sort keys. */
function partition(p: string, count: number, extra: (i: number) => Item = () => ({})): Item[] {
  return Array.from({ length: count }, (_, i) => ({ pk: S(p), sk: N(i), odd: { BOOL: i % 2 === 1 }, ...extra(i) }));
}

const sks = (items: Item[] | undefined) => (items ?? []).map((i) => Number(i.sk!.N));

describe('Query', () => {
  beforeEach(async () => {
    const ddb = ddbClient(nimbus);
    await createTable(ddb, 'q', { hash: ['pk', 'S'], range: ['sk', 'N'] });
  });

  it('returns a partition in sort key order, forward and backward, with Count and ScannedCount', async () => {
    const ddb = ddbClient(nimbus);
    await putItems(ddb, 'q', [...partition('a', 12), ...partition('b', 3)]);
    const forward = await ddb.send(new QueryCommand({ TableName: 'q', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('a') } }));
    expect(sks(forward.Items)).toEqual([...Array(12).keys()]);
    expect(forward).toMatchObject({ Count: 12, ScannedCount: 12 });
    expect(forward.LastEvaluatedKey).toBeUndefined();
    const backward = await ddb.send(
      new QueryCommand({ TableName: 'q', KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi', ExpressionAttributeValues: { ':p': S('a'), ':lo': N(3), ':hi': N(7) }, ScanIndexForward: false }),
    );
    expect(sks(backward.Items)).toEqual([7, 6, 5, 4, 3]);
    const none = await ddb.send(new QueryCommand({ TableName: 'q', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('zzz') } }));
    expect(none).toMatchObject({ Count: 0, ScannedCount: 0, Items: [] });
  });

  it('applies Limit before the filter: Count after the filter, ScannedCount before, LastEvaluatedKey at the last item read', async () => {
    const ddb = ddbClient(nimbus);
    await putItems(ddb, 'q', partition('a', 10));
    const r = await ddb.send(
      new QueryCommand({
        TableName: 'q',
        KeyConditionExpression: 'pk = :p',
        FilterExpression: 'odd = :t',
        ExpressionAttributeValues: { ':p': S('a'), ':t': { BOOL: true } },
        Limit: 4,
      }),
    );
    expect(sks(r.Items)).toEqual([1, 3]);
    expect(r).toMatchObject({ Count: 2, ScannedCount: 4, LastEvaluatedKey: { pk: S('a'), sk: N(3) } });
    // A page may hold nothing that passes the filter and still go on.
    const empty = await ddb.send(
      new QueryCommand({
        TableName: 'q',
        KeyConditionExpression: 'pk = :p',
        FilterExpression: 'odd = :t',
        ExpressionAttributeValues: { ':p': S('a'), ':t': { BOOL: true } },
        Limit: 1,
        ExclusiveStartKey: { pk: S('a'), sk: N(1) },
      }),
    );
    expect(empty).toMatchObject({ Count: 0, ScannedCount: 1, Items: [], LastEvaluatedKey: { pk: S('a'), sk: N(2) } });
  });

  it('pages through a partition with the DocumentClient paginator, each item once', async () => {
    const ddb = ddbClient(nimbus);
    await putItems(ddb, 'q', [...partition('a', 53), ...partition('b', 5)]);
    const doc = DynamoDBDocumentClient.from(ddb);
    const seen: number[] = [];
    let pages = 0;
    for await (const page of paginateQuery({ client: doc, pageSize: 10 }, { TableName: 'q', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'a' } })) {
      pages++;
      seen.push(...(page.Items ?? []).map((i) => i.sk as number));
      expect(page.ScannedCount).toBeLessThanOrEqual(10);
    }
    expect(seen).toEqual([...Array(53).keys()]);
    expect(pages).toBe(6);
  });

  it('answers a LastEvaluatedKey at exactly Limit only when the next stored item is not another partition', async () => {
    // DynamoDB looks at the next item in storage: another partition ends the query, the end of
    // the table does not (continuation.ts). Which partition is stored last is Scan's last item.
    const ddb = ddbClient(nimbus);
    const partitions = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
    await putItems(ddb, 'q', partitions.flatMap((p) => partition(p, 3)));
    const scanned = await ddb.send(new ScanCommand({ TableName: 'q' }));
    const lastStored = scanned.Items!.at(-1)!.pk!.S!;
    const other = partitions.find((p) => p !== lastStored)!;
    const exact = (p: string) => ddb.send(new QueryCommand({ TableName: 'q', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S(p) }, Limit: 3 }));

    const middle = await exact(other);
    expect(middle).toMatchObject({ Count: 3 });
    expect(middle.LastEvaluatedKey).toBeUndefined();

    const end = await exact(lastStored);
    expect(end).toMatchObject({ Count: 3, LastEvaluatedKey: { pk: S(lastStored), sk: N(2) } });
    const after = await ddb.send(
      new QueryCommand({ TableName: 'q', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S(lastStored) }, Limit: 3, ExclusiveStartKey: end.LastEvaluatedKey }),
    );
    expect(after).toMatchObject({ Count: 0, ScannedCount: 0, Items: [] });
    expect(after.LastEvaluatedKey).toBeUndefined();

    // A sort key condition that ends before the partition does: the next stored item is outside it.
    const bounded = await ddb.send(
      new QueryCommand({ TableName: 'q', KeyConditionExpression: 'pk = :p AND sk < :two', ExpressionAttributeValues: { ':p': S(lastStored), ':two': N(2) }, Limit: 2 }),
    );
    expect(bounded.LastEvaluatedKey).toBeUndefined();
    // More in range: a key.
    const more = await exact(other).then(() =>
      ddb.send(new QueryCommand({ TableName: 'q', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S(other) }, Limit: 2 })),
    );
    expect(more.LastEvaluatedKey).toEqual({ pk: S(other), sk: N(1) });
  });

  it('stops a page at 1 MB of items read (before the filter), including the item that reaches it', async () => {
    const ddb = ddbClient(nimbus);
    // Each item is a little over 100,000 bytes: the 11th read reaches 1,048,576.
    await putItems(ddb, 'q', partition('a', 25, () => ({ pad: S(filler(100_000)) })));
    const first = await ddb.send(
      new QueryCommand({ TableName: 'q', KeyConditionExpression: 'pk = :p', FilterExpression: 'odd = :f', ExpressionAttributeValues: { ':p': S('a'), ':f': { BOOL: false } }, ProjectionExpression: 'sk' }),
    );
    expect(first.ScannedCount).toBe(11);
    expect(sks(first.Items)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(first.LastEvaluatedKey).toEqual({ pk: S('a'), sk: N(10) });
    const second = await ddb.send(
      new QueryCommand({ TableName: 'q', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('a') }, ProjectionExpression: 'sk', ExclusiveStartKey: first.LastEvaluatedKey }),
    );
    expect(sks(second.Items)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    const third = await ddb.send(
      new QueryCommand({ TableName: 'q', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('a') }, ProjectionExpression: 'sk', ExclusiveStartKey: second.LastEvaluatedKey }),
    );
    expect(sks(third.Items)).toEqual([22, 23, 24]);
    expect(third.LastEvaluatedKey).toBeUndefined();
  });

  it('Select COUNT returns no Items, and still pages', async () => {
    const ddb = ddbClient(nimbus);
    await putItems(ddb, 'q', partition('a', 9));
    const r = await ddb.send(
      new QueryCommand({ TableName: 'q', KeyConditionExpression: 'pk = :p', FilterExpression: 'odd = :t', ExpressionAttributeValues: { ':p': S('a'), ':t': { BOOL: true } }, Select: 'COUNT', Limit: 5 }),
    );
    expect(r.Items).toBeUndefined();
    expect(r).toMatchObject({ Count: 2, ScannedCount: 5, LastEvaluatedKey: { pk: S('a'), sk: N(4) } });
  });

  it('projects with ProjectionExpression and AttributesToGet, and answers the legacy KeyConditions/QueryFilter', async () => {
    const ddb = ddbClient(nimbus);
    await putItems(ddb, 'q', partition('a', 4, (i) => ({ m: { M: { x: N(i), y: S('y') } }, l: { L: [N(0), N(1), N(2)] } })));
    const projected = await ddb.send(
      new QueryCommand({ TableName: 'q', KeyConditionExpression: 'pk = :p AND sk >= :two', ExpressionAttributeValues: { ':p': S('a'), ':two': N(2) }, ProjectionExpression: 'm.x, l[2]' }),
    );
    expect(projected.Items).toEqual([
      { m: { M: { x: N(2) } }, l: { L: [N(2)] } },
      { m: { M: { x: N(3) } }, l: { L: [N(2)] } },
    ]);
    const legacy = await ddb.send(
      new QueryCommand({
        TableName: 'q',
        KeyConditions: { pk: { ComparisonOperator: 'EQ', AttributeValueList: [S('a')] }, sk: { ComparisonOperator: 'LT', AttributeValueList: [N(3)] } },
        QueryFilter: { odd: { ComparisonOperator: 'EQ', AttributeValueList: [{ BOOL: false }] } },
        AttributesToGet: ['sk', 'odd'],
      }),
    );
    expect(legacy).toMatchObject({ Count: 2, ScannedCount: 3, Items: [{ sk: N(0), odd: { BOOL: false } }, { sk: N(2), odd: { BOOL: false } }] });
  });

  it('reports consumed capacity: the sizes read, summed, in 4 KB units, halved when eventually consistent', async () => {
    const ddb = ddbClient(nimbus);
    // 10 items of about 1,000 bytes each: 10,000 bytes is 3 units of 4 KB.
    await putItems(ddb, 'q', partition('a', 10, () => ({ pad: S(filler(1000)) })));
    const base = { TableName: 'q', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('a') } } as const;
    const eventual = await ddb.send(new QueryCommand({ ...base, ReturnConsumedCapacity: 'TOTAL', FilterExpression: 'odd = :none', ExpressionAttributeValues: { ':p': S('a'), ':none': N(99) } }));
    expect(eventual.ConsumedCapacity).toEqual({ TableName: 'q', CapacityUnits: 1.5, ReadCapacityUnits: 1.5 });
    const strong = await ddb.send(new QueryCommand({ ...base, ConsistentRead: true, ReturnConsumedCapacity: 'INDEXES' }));
    expect(strong.ConsumedCapacity).toEqual({ TableName: 'q', CapacityUnits: 3, ReadCapacityUnits: 3, Table: { CapacityUnits: 3, ReadCapacityUnits: 3 } });
    const empty = await ddb.send(new QueryCommand({ ...base, ExpressionAttributeValues: { ':p': S('none') }, ReturnConsumedCapacity: 'TOTAL' }));
    expect(empty.ConsumedCapacity).toEqual({ TableName: 'q', CapacityUnits: 0.5, ReadCapacityUnits: 0.5 });
    const none = await ddb.send(new QueryCommand({ ...base }));
    expect(none.ConsumedCapacity).toBeUndefined();
  });
});
