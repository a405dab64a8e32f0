import { ScanCommand, type ScanCommandInput } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, expectError } from '../tables/helpers.js';
import { createTable, N, putItems, S, type Item } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });

const scan = (input: Omit<ScanCommandInput, 'TableName'>) => ddbClient(nimbus).send(new ScanCommand({ TableName: 't', ...input }));

/** All pages of one segment (or of the whole table), with Limit per page. */
async function scanAll(input: Omit<ScanCommandInput, 'TableName'>): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let pages = 0;
  let start: Item | undefined;
  do {
    const r = await scan({ ...input, ExclusiveStartKey: start });
    pages++;
    items.push(...(r.Items ?? []));
    start = r.LastEvaluatedKey;
  } while (start);
  return { items, pages };
}

const ids = (items: Item[]) => items.map((i) => `${i.pk!.S}/${i.sk!.N}`);

describe('Scan', () => {
  beforeEach(async () => {
    const ddb = ddbClient(nimbus);
    await createTable(ddb, 't', { hash: ['pk', 'S'], range: ['sk', 'N'] }, [{ name: 'by-g', kind: 'GSI', hash: ['g', 'S'], projection: 'KEYS_ONLY' }]);
    const items: Item[] = [];
    for (let p = 0; p < 60; p++) for (let s = 0; s < 5; s++) items.push({ pk: S(`user#${p}`), sk: N(s), g: S(`g${(p * 5 + s) % 7}`), n: N(p * 5 + s) });
    await putItems(ddb, 't', items);
  });

  it('a parallel scan covers the table exactly once, whatever the segment count, page by page', async () => {
    const all = await scanAll({});
    expect(all.items).toHaveLength(300);
    expect(new Set(ids(all.items)).size).toBe(300);
    for (const total of [1, 2, 4, 7]) {
      const seen: string[] = [];
      for (let segment = 0; segment < total; segment++) {
        const { items } = await scanAll({ Segment: segment, TotalSegments: total, Limit: 23 });
        seen.push(...ids(items));
      }
      expect(seen).toHaveLength(300);
      expect(new Set(seen)).toEqual(new Set(ids(all.items)));
    }
    // Segments split by partition: a partition's items are all in one segment.
    const segmentOf = new Map<string, number>();
    for (let segment = 0; segment < 4; segment++) {
      for (const item of (await scanAll({ Segment: segment, TotalSegments: 4 })).items) {
        const before = segmentOf.get(item.pk!.S!);
        expect(before === undefined || before === segment).toBe(true);
        segmentOf.set(item.pk!.S!, segment);
      }
    }
  });

  it('a parallel scan of an index covers it exactly once', async () => {
    const seen: string[] = [];
    for (let segment = 0; segment < 3; segment++) seen.push(...ids((await scanAll({ IndexName: 'by-g', Segment: segment, TotalSegments: 3, Limit: 40 })).items));
    expect(seen).toHaveLength(300);
    expect(new Set(seen).size).toBe(300);
  });

  it('keeps a partition in sort key order inside the scan', async () => {
    const { items } = await scanAll({ Limit: 17 });
    const byPartition = new Map<string, number[]>();
    for (const i of items) byPartition.set(i.pk!.S!, [...(byPartition.get(i.pk!.S!) ?? []), Number(i.sk!.N)]);
    for (const sks of byPartition.values()) expect(sks).toEqual([0, 1, 2, 3, 4]);
  });

  it('filters after Limit; Count, ScannedCount; Select COUNT; a key at exactly Limit when the table ends', async () => {
    const r = await scan({ Limit: 50, FilterExpression: 'n < :ten', ExpressionAttributeValues: { ':ten': N(10) } });
    expect(r.ScannedCount).toBe(50);
    expect(r.Count).toBe(r.Items!.length);
    expect(r.LastEvaluatedKey).toBeDefined();
    const counted = await scan({ Select: 'COUNT', FilterExpression: 'n < :ten', ExpressionAttributeValues: { ':ten': N(10) } });
    expect(counted).toMatchObject({ Count: 10, ScannedCount: 300 });
    expect(counted.Items).toBeUndefined();
    // The whole table in one page of exactly Limit items: DynamoDB cannot tell it has ended.
    const exact = await scan({ Limit: 300 });
    expect(exact.Count).toBe(300);
    expect(exact.LastEvaluatedKey).toBeDefined();
    const after = await scan({ Limit: 300, ExclusiveStartKey: exact.LastEvaluatedKey });
    expect(after).toMatchObject({ Count: 0, ScannedCount: 0, Items: [] });
    expect(after.LastEvaluatedKey).toBeUndefined();
    const larger = await scan({ Limit: 301 });
    expect(larger.LastEvaluatedKey).toBeUndefined();
  });

  it('pages with the DocumentClient paginator and the legacy ScanFilter', async () => {
    const doc = DynamoDBDocumentClient.from(ddbClient(nimbus));
    let count = 0;
    let pages = 0;
    for await (const page of paginateScan({ client: doc, pageSize: 64 }, { TableName: 't', ScanFilter: { sk: { ComparisonOperator: 'EQ', AttributeValueList: [0] } } })) {
      pages++;
      count += page.Count ?? 0;
    }
    expect(count).toBe(60);
    expect(pages).toBe(5);
  });

  it('checks Segment, TotalSegments and the start key', async () => {
    await expectError(scan({ Segment: 0 }), 'ValidationException', 'The TotalSegments parameter is required but was not present in the request when Segment parameter is present');
    await expectError(scan({ TotalSegments: 4 }), 'ValidationException', 'The Segment parameter is required but was not present in the request when parameter TotalSegments is present');
    await expectError(scan({ Segment: 5, TotalSegments: 5 }), 'ValidationException', 'The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 5 is not less than TotalSegments: 5');
    await expectError(
      scan({ Segment: 0, TotalSegments: 1_000_001 }),
      'ValidationException',
      "1 validation error detected: Value '1000001' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000",
    );
    // A start key from another segment.
    const other = await scan({ Segment: 1, TotalSegments: 2, Limit: 1 });
    await expectError(
      scan({ Segment: 0, TotalSegments: 2, ExclusiveStartKey: other.LastEvaluatedKey }),
      'ValidationException',
      'The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: 2 Segment: 0',
    );
    const long = 'The provided starting key is invalid: The provided key element does not match the schema';
    await expectError(scan({ ExclusiveStartKey: { pk: S('user#1') } }), 'ValidationException', long);
    await expectError(scan({ ExclusiveStartKey: { pk: S('user#1'), sk: S('0') } }), 'ValidationException', long);
    await expectError(scan({ ExclusiveStartKey: { pk: S('user#1'), sk: N(0), x: N(1) } }), 'ValidationException', long);
    await expectError(scan({ IndexName: 'by-g', ExclusiveStartKey: { pk: S('user#1'), sk: N(0) } }), 'ValidationException', 'The provided starting key is invalid');
    await expectError(scan({ IndexName: 'by-g', ExclusiveStartKey: { pk: S('user#1'), sk: N(0), g: N(1) } }), 'ValidationException', 'The provided key element does not match the schema');
    await expectError(scan({ IndexName: 'by-g', ExclusiveStartKey: { pk: S('user#1'), x: N(0), g: S('g1') } }), 'ValidationException', long);
    await expectError(
      scan({ ExclusiveStartKey: { pk: {} as never, sk: N(0) } }),
      'ValidationException',
      'The provided starting key is invalid: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes',
    );
  });

  it('checks Select against the projection and the index', async () => {
    await expectError(scan({ Select: 'COUNT', ProjectionExpression: 'pk' }), 'ValidationException', 'Cannot specify the ProjectionExpression when choosing to get only the Count');
    await expectError(scan({ Select: 'ALL_ATTRIBUTES', AttributesToGet: ['pk'] }), 'ValidationException', 'Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES');
    await expectError(scan({ Select: 'ALL_PROJECTED_ATTRIBUTES', ProjectionExpression: 'pk' }), 'ValidationException', 'Cannot specify the ProjectionExpression when choosing to get ALL_PROJECTED_ATTRIBUTES');
    await expectError(scan({ Select: 'ALL_PROJECTED_ATTRIBUTES' }), 'ValidationException', 'ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName');
    await expectError(scan({ Select: 'SPECIFIC_ATTRIBUTES' }), 'ValidationException', 'Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES');
    await expectError(
      scan({ IndexName: 'by-g', Select: 'ALL_ATTRIBUTES' }),
      'ValidationException',
      'One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index by-g because its projection type is not ALL',
    );
    await expectError(scan({ IndexName: 'by-g', ConsistentRead: true }), 'ValidationException', 'Consistent reads are not supported on global secondary indexes');
    const specific = await scan({ Select: 'SPECIFIC_ATTRIBUTES', ProjectionExpression: 'n', Limit: 2 });
    expect(specific.Items!.every((i) => Object.keys(i).join() === 'n')).toBe(true);
    await expectError(
      scan({ FilterExpression: 'pk.x = :v', ExpressionAttributeValues: { ':v': N(1) } }),
      'ValidationException',
      "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk",
    );
    await expectError(
      scan({ ProjectionExpression: 'g[0]' }),
      'ValidationException',
      "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: g",
    );
    await expectError(ddbClient(nimbus).send(new ScanCommand({ TableName: 'missing' })), 'ResourceNotFoundException', 'Requested resource not found');
  });
});
