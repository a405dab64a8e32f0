import { describe, expect, it } from 'vitest';
import type { NewIndex } from '../../../../src/services/dynamodb/store/index.js';
import { itemSize } from '../../../../src/services/dynamodb/domain/values/index.js';
import type { Item } from '../../../../src/services/dynamodb/domain/types.js';
import { createStoreTable, newStore } from './helpers.js';

const S = (s: string) => ({ S: s });
const N = (n: number | string) => ({ N: String(n) });

const byStatus: NewIndex = {
  name: 'by-status', kind: 'GSI',
  key: { hash: { name: 'status', type: 'S' }, range: { name: 'score', type: 'N' } },
  projection: { type: 'KEYS_ONLY' },
};
const byScore: NewIndex = {
  name: 'by-score', kind: 'LSI',
  key: { hash: { name: 'pk', type: 'S' }, range: { name: 'score', type: 'N' } },
  projection: { type: 'ALL' },
};

async function setup() {
  const { store, clock, db } = newStore();
  const table = await createStoreTable(store, clock, 'items', {
    key: { hash: { name: 'pk', type: 'S' }, range: { name: 'sk', type: 'S' } },
    indexes: [byStatus, byScore],
  });
  return { store, clock, db, table };
}

function entryCount(db: import('../../../../src/storage/index.js').Database, indexId: number): number {
  return (db.sqlite.prepare('SELECT COUNT(*) AS n FROM dynamodb_index_entries WHERE index_id = ?').get(indexId) as { n: number }).n;
}

describe('DynamoStore item writes', () => {
  it('puts, gets, replaces and deletes an item, keeping exact counters', async () => {
    const { store, table } = await setup();
    const a: Item = { pk: S('a'), sk: S('1'), payload: S('x'.repeat(100)) };
    const a2: Item = { pk: S('a'), sk: S('1'), payload: S('y') };
    const b: Item = { pk: S('b'), sk: S('1') };
    const r1 = await store.write(() => store.put(table, a));
    expect(r1).toEqual({ previous: undefined, changed: true });
    await store.write(() => store.put(table, b));
    expect(store.get(table, { pk: S('a'), sk: S('1') })).toEqual(a);
    expect(store.tables.counters(table).table).toEqual({ itemCount: 2, sizeBytes: itemSize(a) + itemSize(b) });

    const r2 = await store.write(() => store.put(table, a2));
    expect(r2.previous).toEqual(a);
    expect(store.tables.counters(table).table).toEqual({ itemCount: 2, sizeBytes: itemSize(a2) + itemSize(b) });

    const r3 = await store.write(() => store.delete(table, { pk: S('a'), sk: S('1'), ignored: S('z') }));
    expect(r3).toEqual({ previous: a2, changed: true });
    expect(store.get(table, { pk: S('a'), sk: S('1') })).toBeUndefined();
    const r4 = await store.write(() => store.delete(table, { pk: S('a'), sk: S('1') }));
    expect(r4).toEqual({ previous: undefined, changed: false });
    expect(store.tables.counters(table).table).toEqual({ itemCount: 1, sizeBytes: itemSize(b) });
  });

  it('keeps sparse index entries: only items with the index keys of the right type are indexed', async () => {
    const { store, table, db } = await setup();
    const gsi = table.indexes.find((i) => i.name === 'by-status')!;
    const lsi = table.indexes.find((i) => i.name === 'by-score')!;
    await store.write(() => {
      store.put(table, { pk: S('a'), sk: S('1'), status: S('open'), score: N(5) }); // both indexes
      store.put(table, { pk: S('a'), sk: S('2'), status: S('open') }); // no score: in neither
      store.put(table, { pk: S('a'), sk: S('3'), score: N(1) }); // LSI only
      store.put(table, { pk: S('a'), sk: S('4'), status: N(1), score: N(2) }); // status of the wrong type: LSI only
    });
    expect(entryCount(db, gsi.id)).toBe(1);
    expect(entryCount(db, lsi.id)).toBe(3);
    const counters = store.tables.counters(table);
    expect(counters.indexes.get(gsi.id)!.itemCount).toBe(1);
    expect(counters.indexes.get(lsi.id)!.itemCount).toBe(3);
    // KEYS_ONLY: the index size counts the projected keys only.
    expect(counters.indexes.get(gsi.id)!.sizeBytes).toBe(itemSize({ pk: S('a'), sk: S('1'), status: S('open'), score: N(5) }));

    // Moving an item out of and into an index by changing its attributes.
    await store.write(() => store.put(table, { pk: S('a'), sk: S('1'), score: N(5) }));
    expect(entryCount(db, gsi.id)).toBe(0);
    await store.write(() => store.put(table, { pk: S('a'), sk: S('2'), status: S('done'), score: N(9) }));
    expect(entryCount(db, gsi.id)).toBe(1);
    expect([...store.query({ table, indexName: 'by-status', partitionKey: S('done') })].map((i) => i.sk)).toEqual([S('2')]);
    await store.write(() => store.delete(table, { pk: S('a'), sk: S('2') }));
    expect(entryCount(db, gsi.id)).toBe(0);
    expect(store.tables.counters(table).indexes.get(gsi.id)).toEqual({ itemCount: 0, sizeBytes: 0 });
  });

  it('rolls back everything a failed write did, including counters and entries', async () => {
    const { store, table, db } = await setup();
    await expect(
      store.write(() => {
        store.put(table, { pk: S('a'), sk: S('1'), status: S('open'), score: N(1) });
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect(store.get(table, { pk: S('a'), sk: S('1') })).toBeUndefined();
    expect(store.tables.counters(table).table).toEqual({ itemCount: 0, sizeBytes: 0 });
    expect(entryCount(db, table.indexes[0]!.id)).toBe(0);
  });

  it('refuses writes outside store.write', async () => {
    const { store, table } = await setup();
    expect(() => store.put(table, { pk: S('a'), sk: S('1') })).toThrow(/inside DynamoStore.write/);
  });

  it('uses the latest definition: a GSI added earlier in the same group commit indexes the item', async () => {
    const { store, table } = await setup();
    const added = store.write(() =>
      store.admin.addIndex(store.tables.current(table)!, {
        name: 'by-color', kind: 'GSI', key: { hash: { name: 'color', type: 'S' } }, projection: { type: 'ALL' },
      }, [...table.attributeDefinitions, { name: 'color', type: 'S' }]),
    );
    // Same turn of the event loop: one group commit, the put runs after the index was added.
    const put = store.write(() => store.put(table, { pk: S('a'), sk: S('1'), color: S('red') }));
    await Promise.all([added, put]);
    const latest = store.tables.current(table)!;
    expect([...store.query({ table: latest, indexName: 'by-color', partitionKey: S('red') })]).toHaveLength(1);
  });
});
