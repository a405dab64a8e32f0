import { describe, expect, it } from 'vitest';
import { FIVE_YEARS_SECONDS } from '../../../../src/services/dynamodb/domain/table-ttl.js';
import { itemSize } from '../../../../src/services/dynamodb/domain/values/index.js';
import { sweepExpiredItems } from '../../../../src/services/dynamodb/store/sweeps.js';
import { createStoreTable, newStore } from './helpers.js';

const S = (s: string) => ({ S: s });
const N = (n: number | string) => ({ N: String(n) });

describe('TTL sweep', () => {
  it('deletes expired items only, as service deletions on the stream, keeping indexes and counters exact', async () => {
    const { store, clock } = newStore();
    let table = await createStoreTable(store, clock, 'sessions', {
      key: { hash: { name: 'id', type: 'S' } },
      indexes: [{ name: 'by-user', kind: 'GSI', key: { hash: { name: 'user', type: 'S' } }, projection: { type: 'ALL' } }],
      stream: 'OLD_IMAGE',
    });
    const now = Math.floor(clock.ms / 1000);
    await store.write(() => {
      store.put(table, { id: S('past'), user: S('u'), exp: N(now - 60) });
      store.put(table, { id: S('future'), user: S('u'), exp: N(now + 60) });
      store.put(table, { id: S('ancient'), exp: N(now - FIVE_YEARS_SECONDS - 10) }); // ignored, as AWS does
      store.put(table, { id: S('string'), exp: S(String(now - 60)) }); // not a Number: never expires
      store.put(table, { id: S('none') });
    });
    // Before TTL is enabled nothing expires.
    expect(await sweepExpiredItems(store, clock.ms)).toBe(0);
    table = await store.write(() => store.admin.setTtl(store.tables.current(table)!, { attributeName: 'exp', enabled: true }));
    expect(await sweepExpiredItems(store, clock.ms)).toBe(1);
    expect(store.get(table, { id: S('past') })).toBeUndefined();
    expect([...store.query({ table, indexName: 'by-user', partitionKey: S('u') })].map((i) => i.id!.S)).toEqual(['future']);
    expect(store.tables.counters(table).table.itemCount).toBe(4);

    const records = store.streams.records(table.stream!.streamId, 0, 100, clock.ms);
    const removal = records[records.length - 1]!;
    expect(removal).toMatchObject({ eventName: 'REMOVE', Keys: { id: S('past') }, userIdentity: { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' } });
    expect(records.filter((r) => r.userIdentity)).toHaveLength(1);

    // Items written after enabling get their expiry too; moving the clock expires them.
    await store.write(() => store.put(table, { id: S('later'), exp: N(now + 3600) }));
    clock.advance(3601 * 1000);
    expect(await sweepExpiredItems(store, clock.ms)).toBe(2); // 'future' and 'later'
    table = await store.write(() => store.admin.setTtl(store.tables.current(table)!, { attributeName: 'exp', enabled: false }));
    await store.write(() => store.put(table, { id: S('off'), exp: N(0) }));
    clock.advance(1000);
    expect(await sweepExpiredItems(store, clock.ms)).toBe(0);
  });
});

describe('GSI backfill', () => {
  it('fills a new GSI from existing items and empties a dropped one', async () => {
    const { store, clock, db } = newStore();
    let table = await createStoreTable(store, clock, 'people', { key: { hash: { name: 'id', type: 'N' } } });
    await store.write(() => {
      for (let i = 0; i < 1200; i++) store.put(table, i % 3 === 0 ? { id: N(i), city: S(`c${i % 4}`), name: S(`n${i}`) } : { id: N(i) });
    });
    table = await store.write(() =>
      store.admin.addIndex(
        store.tables.current(table)!,
        { name: 'by-city', kind: 'GSI', key: { hash: { name: 'city', type: 'S' }, range: { name: 'id', type: 'N' } }, projection: { type: 'INCLUDE', nonKeyAttributes: ['name'] } },
        [...table.attributeDefinitions, { name: 'city', type: 'S' }],
      ),
    );
    const index = table.indexes.find((i) => i.name === 'by-city')!;
    const c0 = [...store.query({ table, indexName: 'by-city', partitionKey: S('c0') })];
    expect(c0.map((i) => Number(i.id!.N))).toEqual([...Array(1200).keys()].filter((i) => i % 12 === 0));
    const counter = store.tables.counters(table).indexes.get(index.id)!;
    expect(counter.itemCount).toBe(400);
    expect(counter.sizeBytes).toBe(
      [...Array(1200).keys()].filter((i) => i % 3 === 0).reduce((sum, i) => sum + itemSize({ id: N(i), city: S(`c${i % 4}`), name: S(`n${i}`) }), 0),
    );

    table = await store.write(() => store.admin.dropIndex(store.tables.current(table)!, 'by-city', table.attributeDefinitions.filter((d) => d.name !== 'city')));
    expect(table.indexes).toEqual([]);
    const left = db.sqlite.prepare('SELECT COUNT(*) AS n FROM dynamodb_index_entries WHERE index_id = ?').get(index.id) as { n: number };
    expect(left.n).toBe(0);
  });

  it('deletes a table’s items, entries and counters with the table', async () => {
    const { store, clock, db } = newStore();
    const table = await createStoreTable(store, clock, 't', {
      key: { hash: { name: 'id', type: 'S' } },
      indexes: [{ name: 'g', kind: 'GSI', key: { hash: { name: 'x', type: 'S' } }, projection: { type: 'ALL' } }],
    });
    await store.write(() => {
      for (let i = 0; i < 10; i++) store.put(table, { id: S(`${i}`), x: S('x') });
    });
    await store.write(() => store.admin.drop(store.tables.current(table)!, clock.ms));
    const count = (sql: string) => (db.sqlite.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT COUNT(*) AS n FROM dynamodb_items')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM dynamodb_index_entries')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM dynamodb_counters')).toBe(0);
    expect(store.tables.current(table)).toBeUndefined();
  });
});
