import { QueryCommand, ScanCommand, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, expectError } from '../tables/helpers.js';
import { createTable, N, putItems, S, type Item } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });
const P = 'One or more parameter values were invalid: ';

/**
 * Table `t` (pk S, sk N) with:
 * - LSI `by-rank` (pk, rank N) projecting INCLUDE [title];
 * - GSI `by-type` (type S, sk N), KEYS_ONLY, sparse: only items with a `type`;
 * - GSI `by-color` (color S), INCLUDE [size];
 * - GSI `everything` (type S), ALL.
 */
async function seed(): Promise<Item[]> {
  const ddb = ddbClient(nimbus);
  await createTable(ddb, 't', { hash: ['pk', 'S'], range: ['sk', 'N'] }, [
    { name: 'by-rank', kind: 'LSI', hash: ['pk', 'S'], range: ['rank', 'N'], projection: ['title'] },
    { name: 'by-type', kind: 'GSI', hash: ['type', 'S'], range: ['sk', 'N'], projection: 'KEYS_ONLY' },
    { name: 'by-color', kind: 'GSI', hash: ['color', 'S'], projection: ['size'] },
    { name: 'everything', kind: 'GSI', hash: ['type', 'S'], projection: 'ALL' },
  ]);
  const items: Item[] = [];
  for (let i = 0; i < 12; i++) {
    const item: Item = { pk: S(`p${i % 2}`), sk: N(i), rank: N(100 - i), title: S(`t${i}`), weight: N(i * 10), color: S(i % 3 === 0 ? 'red' : 'blue'), size: N(i) };
    if (i % 4 === 0) item.type = S('special');
    items.push(item);
  }
  await putItems(ddb, 't', items);
  return items;
}

const q = (input: Omit<QueryCommandInput, 'TableName'>) => ddbClient(nimbus).send(new QueryCommand({ TableName: 't', ...input }));

describe('Query and Scan on indexes', () => {
  let items: Item[];
  beforeEach(async () => {
    items = await seed();
  });

  it('a sparse KEYS_ONLY GSI holds only the items with its key, projected to the table and index keys', async () => {
    const r = await q({ IndexName: 'by-type', KeyConditionExpression: '#t = :t', ExpressionAttributeNames: { '#t': 'type' }, ExpressionAttributeValues: { ':t': S('special') } });
    expect(r.Items).toEqual([0, 4, 8].map((i) => ({ pk: S(`p${i % 2}`), sk: N(i), type: S('special') })));
    const scanned = await ddbClient(nimbus).send(new ScanCommand({ TableName: 't', IndexName: 'by-type' }));
    expect(scanned.Count).toBe(3);
    expect(scanned.Items!.every((i) => Object.keys(i).sort().join() === 'pk,sk,type')).toBe(true);
  });

  it('an INCLUDE GSI returns its keys and included attributes, refuses what it does not project', async () => {
    const r = await q({ IndexName: 'by-color', KeyConditionExpression: 'color = :c', ExpressionAttributeValues: { ':c': S('red') } });
    expect(r.Count).toBe(4);
    for (const item of r.Items!) expect(Object.keys(item).sort()).toEqual(['color', 'pk', 'size', 'sk']);
    const specific = await q({ IndexName: 'by-color', KeyConditionExpression: 'color = :c', ExpressionAttributeValues: { ':c': S('red') }, ProjectionExpression: 'sk, #s', ExpressionAttributeNames: { '#s': 'size' } });
    expect(specific.Items!.map((i) => Number(i.sk!.N)).sort((a, b) => a - b)).toEqual([0, 3, 6, 9]);
    await expectError(
      q({ IndexName: 'by-color', KeyConditionExpression: 'color = :c', ExpressionAttributeValues: { ':c': S('red') }, ProjectionExpression: 'weight, sk, title' }),
      'ValidationException',
      `${P}Global secondary index by-color does not project [weight, title]`,
    );
    await expectError(
      q({ IndexName: 'by-color', KeyConditionExpression: 'color = :c', FilterExpression: 'weight > :w', ExpressionAttributeValues: { ':c': S('red'), ':w': N(1) } }),
      'ValidationException',
      `${P}Secondary index by-color does not project one or more filter attributes: [weight]`,
    );
    await expectError(
      q({ IndexName: 'by-color', KeyConditionExpression: 'color = :c', ExpressionAttributeValues: { ':c': S('red') }, Select: 'ALL_ATTRIBUTES' }),
      'ValidationException',
      `${P}Select type ALL_ATTRIBUTES is not supported for global secondary index by-color because its projection type is not ALL`,
    );
    await expectError(
      q({ IndexName: 'by-color', KeyConditionExpression: 'color = :c', ExpressionAttributeValues: { ':c': S('red') }, ConsistentRead: true }),
      'ValidationException',
      'Consistent reads are not supported on global secondary indexes',
    );
  });

  it('an ALL GSI returns whole items; ALL_ATTRIBUTES and ALL_PROJECTED_ATTRIBUTES are the same there', async () => {
    const expected = items.filter((i) => i.type).sort((a, b) => Number(a.sk!.N) - Number(b.sk!.N));
    for (const Select of [undefined, 'ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES'] as const) {
      const r = await q({ IndexName: 'everything', KeyConditionExpression: '#t = :t', ExpressionAttributeNames: { '#t': 'type' }, ExpressionAttributeValues: { ':t': S('special') }, Select });
      expect([...r.Items!].sort((a, b) => Number(a.sk!.N) - Number(b.sk!.N))).toEqual(expected);
    }
  });

  it('an LSI returns what it projects, and fetches whole items from the table for ALL_ATTRIBUTES or unprojected attributes', async () => {
    const key = { KeyConditionExpression: 'pk = :p AND #r < :r', ExpressionAttributeNames: { '#r': 'rank' }, ExpressionAttributeValues: { ':p': S('p0'), ':r': N(95) } };
    // p0 holds sk 0,2,…,10 with rank 100-sk: rank < 95 is sk 6, 8, 10, in rank order (10 first).
    const projected = await q({ IndexName: 'by-rank', ...key, ReturnConsumedCapacity: 'INDEXES' });
    expect(projected.Items).toEqual([10, 8, 6].map((i) => ({ pk: S('p0'), sk: N(i), rank: N(100 - i), title: S(`t${i}`) })));
    expect(projected.ConsumedCapacity).toEqual({
      TableName: 't', CapacityUnits: 0.5, ReadCapacityUnits: 0.5,
      Table: { CapacityUnits: 0 }, LocalSecondaryIndexes: { 'by-rank': { CapacityUnits: 0.5, ReadCapacityUnits: 0.5 } },
    });
    const all = await q({ IndexName: 'by-rank', ...key, Select: 'ALL_ATTRIBUTES', ReturnConsumedCapacity: 'INDEXES' });
    expect(all.Items).toEqual([10, 8, 6].map((i) => items[i]));
    // The index read, plus one read per item fetched from the table.
    expect(all.ConsumedCapacity).toEqual({
      TableName: 't', CapacityUnits: 2, ReadCapacityUnits: 2,
      Table: { CapacityUnits: 1.5, ReadCapacityUnits: 1.5 }, LocalSecondaryIndexes: { 'by-rank': { CapacityUnits: 0.5, ReadCapacityUnits: 0.5 } },
    });
    const specific = await q({ IndexName: 'by-rank', ...key, ProjectionExpression: 'title, weight' });
    expect(specific.Items).toEqual([10, 8, 6].map((i) => ({ title: S(`t${i}`), weight: N(i * 10) })));
    const filtered = await q({ IndexName: 'by-rank', ...key, FilterExpression: 'weight >= :w', ExpressionAttributeValues: { ...key.ExpressionAttributeValues, ':w': N(80) } });
    expect(filtered.Items!.map((i) => i.sk)).toEqual([N(10), N(8)]);
    expect(filtered).toMatchObject({ Count: 2, ScannedCount: 3 });
  });

  it('pages an index with LastEvaluatedKeys holding the table and index keys, each item once', async () => {
    const first = await q({ IndexName: 'by-color', KeyConditionExpression: 'color = :c', ExpressionAttributeValues: { ':c': S('blue') }, Limit: 3 });
    expect(Object.keys(first.LastEvaluatedKey!).sort()).toEqual(['color', 'pk', 'sk']);
    const doc = DynamoDBDocumentClient.from(ddbClient(nimbus));
    const seen: number[] = [];
    for await (const page of paginateQuery({ client: doc, pageSize: 3 }, { TableName: 't', IndexName: 'by-color', KeyConditionExpression: 'color = :c', ExpressionAttributeValues: { ':c': 'blue' } })) {
      seen.push(...(page.Items ?? []).map((i) => i.sk as number));
    }
    expect(seen.sort((a, b) => a - b)).toEqual([1, 2, 4, 5, 7, 8, 10, 11]);
    const lsi = await q({ IndexName: 'by-rank', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('p1') }, Limit: 2 });
    expect(lsi.LastEvaluatedKey).toEqual({ pk: S('p1'), sk: N(9), rank: N(91) });
    const next = await q({ IndexName: 'by-rank', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('p1') }, Limit: 2, ExclusiveStartKey: lsi.LastEvaluatedKey });
    expect(next.Items!.map((i) => i.sk)).toEqual([N(7), N(5)]);
  });

  it('refuses an unknown index and ALL_PROJECTED_ATTRIBUTES without one', async () => {
    await expectError(q({ IndexName: 'nope', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('p1') } }), 'ValidationException', 'The table does not have the specified index: nope');
    await expectError(
      ddbClient(nimbus).send(new ScanCommand({ TableName: 't', IndexName: 'nope' })),
      'ValidationException',
      'The table does not have the specified index: nope',
    );
    await expectError(
      q({ KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('p1') }, Select: 'ALL_PROJECTED_ATTRIBUTES' }),
      'ValidationException',
      '1 validation error detected: ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName',
    );
  });
});
