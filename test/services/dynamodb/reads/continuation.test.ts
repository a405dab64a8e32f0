/**
 * When a page that stopped at Limit answers a LastEvaluatedKey: the handlers called in-process on
 * a store whose storage order (hash order) the test can see, in both directions, on tables,
 * indexes and scan segments.
 */
import { describe, expect, it } from 'vitest';
import { query } from '../../../../src/services/dynamodb/operations/reads/query.js';
import { scan } from '../../../../src/services/dynamodb/operations/reads/scan.js';
import type { Ctx } from '../../../../src/services/dynamodb/operations/table-lookup.js';
import type { Item } from '../../../../src/services/dynamodb/domain/types.js';
import { createStoreTable, newStore, SCOPE } from '../tables/helpers.js';

const S = (s: string) => ({ S: s });
const N = (n: number) => ({ N: String(n) });

async function fixture() {
  const { store, clock } = newStore();
  const table = await createStoreTable(store, clock, 't', {
    key: { hash: { name: 'pk', type: 'S' }, range: { name: 'sk', type: 'N' } },
    indexes: [{ name: 'by-g', kind: 'GSI', key: { hash: { name: 'g', type: 'S' }, range: { name: 'sk', type: 'N' } }, projection: { type: 'ALL' } }],
  });
  await store.write(() => {
    for (let p = 0; p < 8; p++) for (let s = 0; s < 4; s++) store.put(table, { pk: S(`p${p}`), sk: N(s), g: S(`g${p}`) });
  });
  const ctx = { store, accountId: SCOPE.accountId, region: SCOPE.region } as unknown as Ctx;
  // Storage (hash) order of the partitions, as a full scan returns them.
  const order = [...new Set([...store.scan({ table })].map((i: Item) => i.pk!.S!))];
  const gOrder = [...new Set([...store.scan({ table, indexName: 'by-g' })].map((i: Item) => i.g!.S!))];
  return { ctx, order, gOrder };
}

const keyOf = (r: { LastEvaluatedKey?: Item }) => r.LastEvaluatedKey;

describe('LastEvaluatedKey at exactly Limit', () => {
  it('forward: a key only for the partition stored last', async () => {
    const { ctx, order } = await fixture();
    for (const [i, p] of order.entries()) {
      const r = query({ TableName: 't', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S(p) }, Limit: 4 }, ctx);
      expect(r.Count).toBe(4);
      if (i === order.length - 1) expect(keyOf(r)).toEqual({ pk: S(p), sk: N(3) });
      else expect(keyOf(r)).toBeUndefined();
    }
  });

  it('backward: a key only for the partition stored first, and not when the sort key range ends first', async () => {
    const { ctx, order } = await fixture();
    for (const [i, p] of order.entries()) {
      const r = query({ TableName: 't', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S(p) }, Limit: 4, ScanIndexForward: false }, ctx);
      if (i === 0) expect(keyOf(r)).toEqual({ pk: S(p), sk: N(0) });
      else expect(keyOf(r)).toBeUndefined();
    }
    const first = order[0]!;
    const bounded = query(
      { TableName: 't', KeyConditionExpression: 'pk = :p AND sk >= :one', ExpressionAttributeValues: { ':p': S(first), ':one': N(1) }, Limit: 3, ScanIndexForward: false },
      ctx,
    );
    expect(bounded.Count).toBe(3);
    expect(keyOf(bounded)).toBeUndefined();
  });

  it('on an index, by the index storage order, with the table and index keys', async () => {
    const { ctx, gOrder } = await fixture();
    const last = gOrder.at(-1)!;
    const r = query({ TableName: 't', IndexName: 'by-g', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': S(last) }, Limit: 4 }, ctx);
    expect(keyOf(r)).toEqual({ pk: S(`p${last.slice(1)}`), sk: N(3), g: S(last) });
    const other = query({ TableName: 't', IndexName: 'by-g', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': S(gOrder[0]!) }, Limit: 4 }, ctx);
    expect(keyOf(other)).toBeUndefined();
  });

  it('scan segments: a key at the end of the table, none at the end of a segment followed by others', async () => {
    const { ctx } = await fixture();
    const counts = [0, 1].map((segment) => scan({ TableName: 't', Segment: segment, TotalSegments: 2, Select: 'COUNT' }, ctx).Count!);
    expect(counts[0]! + counts[1]!).toBe(32);
    const firstSegment = scan({ TableName: 't', Segment: 0, TotalSegments: 2, Limit: counts[0] }, ctx);
    const lastSegment = scan({ TableName: 't', Segment: 1, TotalSegments: 2, Limit: counts[1] }, ctx);
    expect(firstSegment.Count).toBe(counts[0]);
    expect(keyOf(firstSegment)).toBeUndefined();
    expect(keyOf(lastSegment)).toBeDefined();
    expect(keyOf(scan({ TableName: 't', Limit: 31 }, ctx))).toBeDefined();
    expect(keyOf(scan({ TableName: 't', Limit: 33 }, ctx))).toBeUndefined();
  });
});
