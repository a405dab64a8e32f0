import { describe, expect, it } from 'vitest';
import type { Item } from '../../../../src/services/dynamodb/domain/types.js';
import type { SortKeyCondition } from '../../../../src/services/dynamodb/store/index.js';
import { prefixSuccessor } from '../../../../src/services/dynamodb/store/item-reads.js';
import { createStoreTable, newStore } from './helpers.js';

const S = (s: string) => ({ S: s });
const N = (n: number | string) => ({ N: String(n) });

const NUMBERS = ['-1e10', '-5.5', '-1', '0', '0.001', '1', '2', '10', '10.5', '99', '1e20'];

async function numbersTable() {
  const { store, clock, db } = newStore();
  const table = await createStoreTable(store, clock, 'n', {
    key: { hash: { name: 'pk', type: 'S' }, range: { name: 'n', type: 'N' } },
    indexes: [{ name: 'by-g', kind: 'GSI', key: { hash: { name: 'g', type: 'S' }, range: { name: 'n', type: 'N' } }, projection: { type: 'ALL' } }],
  });
  await store.write(() => {
    // Inserted out of order; another partition around it.
    for (const n of [...NUMBERS].reverse()) store.put(table, { pk: S('p'), n: N(n), g: S('all') });
    store.put(table, { pk: S('o'), n: N(3), g: S('all') });
    store.put(table, { pk: S('q'), n: N(3) });
  });
  return { store, table, db };
}

const ns = (items: Iterable<Item>) => [...items].map((i) => i.n!.N!);

describe('DynamoStore.query', () => {
  it('returns a partition in numeric sort key order, forward and backward', async () => {
    const { store, table } = await numbersTable();
    expect(ns(store.query({ table, partitionKey: S('p') }))).toEqual(NUMBERS);
    expect(ns(store.query({ table, partitionKey: S('p'), forward: false }))).toEqual([...NUMBERS].reverse());
  });

  const cases: [string, SortKeyCondition, string[]][] = [
    ['EQ', { op: 'EQ', value: N('10') }, ['10']],
    ['LT', { op: 'LT', value: N('1') }, ['-1e10', '-5.5', '-1', '0', '0.001']],
    ['LE', { op: 'LE', value: N('1') }, ['-1e10', '-5.5', '-1', '0', '0.001', '1']],
    ['GT', { op: 'GT', value: N('10') }, ['10.5', '99', '1e20']],
    ['GE', { op: 'GE', value: N('10') }, ['10', '10.5', '99', '1e20']],
    ['BETWEEN', { op: 'BETWEEN', low: N('-1'), high: N('2') }, ['-1', '0', '0.001', '1', '2']],
  ];
  it.each(cases)('applies %s on the sort key', async (_op, sortKey, expected) => {
    const { store, table } = await numbersTable();
    expect(ns(store.query({ table, partitionKey: S('p'), sortKey }))).toEqual(expected);
    expect(ns(store.query({ table, partitionKey: S('p'), sortKey, forward: false }))).toEqual([...expected].reverse());
  });

  it('resumes after an exclusive start key, in both directions, within the condition', async () => {
    const { store, table } = await numbersTable();
    const esk = { pk: S('p'), n: N('1') };
    expect(ns(store.query({ table, partitionKey: S('p'), exclusiveStartKey: esk }))).toEqual(['2', '10', '10.5', '99', '1e20']);
    expect(ns(store.query({ table, partitionKey: S('p'), exclusiveStartKey: esk, forward: false }))).toEqual(['0.001', '0', '-1', '-5.5', '-1e10']);
    // A start key below the condition's range does not widen it.
    expect(ns(store.query({ table, partitionKey: S('p'), exclusiveStartKey: { pk: S('p'), n: N('-5.5') }, sortKey: { op: 'GE', value: N('2') } })))
      .toEqual(['2', '10', '10.5', '99', '1e20']);
  });

  it('stops at limit and yields lazily across pages', async () => {
    const { store, clock } = newStore();
    const table = await createStoreTable(store, clock, 'big', { key: { hash: { name: 'pk', type: 'S' }, range: { name: 'n', type: 'N' } } });
    await store.write(() => {
      for (let i = 0; i < 2500; i++) store.put(table, { pk: S('p'), n: N(i) });
    });
    expect(ns(store.query({ table, partitionKey: S('p'), limit: 3 }))).toEqual(['0', '1', '2']);
    const all = ns(store.query({ table, partitionKey: S('p') }));
    expect(all).toHaveLength(2500);
    expect(all.map(Number)).toEqual([...Array(2500).keys()]);
    const it = store.query({ table, partitionKey: S('p'), forward: false });
    expect(it.next().value).toEqual({ pk: S('p'), n: N(2499) });
  });

  it('applies BEGINS_WITH on string and binary sort keys by bytes', async () => {
    const { store, clock } = newStore();
    const table = await createStoreTable(store, clock, 's', { key: { hash: { name: 'pk', type: 'S' }, range: { name: 'sk', type: 'S' } } });
    const names = ['a', 'ab', 'abc', 'abd', 'ac', 'b', 'Ab', 'é', 'éa'];
    await store.write(() => {
      for (const s of names) store.put(table, { pk: S('p'), sk: S(s) });
    });
    const sks = (c: SortKeyCondition) => [...store.query({ table, partitionKey: S('p'), sortKey: c })].map((i) => i.sk!.S);
    expect(sks({ op: 'BEGINS_WITH', prefix: S('ab') })).toEqual(['ab', 'abc', 'abd']);
    expect(sks({ op: 'BEGINS_WITH', prefix: S('é') })).toEqual(['é', 'éa']);
    // UTF-8 byte order: upper case before lower case, é (0xC3 …) after ASCII.
    expect(sks({ op: 'GT', value: S('') })).toEqual(['Ab', 'a', 'ab', 'abc', 'abd', 'ac', 'b', 'é', 'éa']);
    expect(prefixSuccessor(Buffer.from([0x61, 0xff]))).toEqual(Buffer.from([0x62]));
    expect(prefixSuccessor(Buffer.from([0xff]))).toBeUndefined();
  });

  it('queries a GSI (keys not unique) and resumes from a LastEvaluatedKey with index and table keys', async () => {
    const { store, table } = await numbersTable();
    const rows = [...store.query({ table, indexName: 'by-g', partitionKey: S('all'), sortKey: { op: 'EQ', value: N(3) } })];
    expect(rows.map((r) => r.pk!.S)).toEqual(['o']);
    const all = [...store.query({ table, indexName: 'by-g', partitionKey: S('all') })];
    expect(all).toHaveLength(NUMBERS.length + 1);
    const after = all[3]!;
    const rest = [...store.query({ table, indexName: 'by-g', partitionKey: S('all'), exclusiveStartKey: { pk: after.pk!, n: after.n!, g: after.g! } })];
    expect(rest).toEqual(all.slice(4));
    expect(() => [...store.query({ table, indexName: 'by-g', partitionKey: S('all'), exclusiveStartKey: { pk: S('p') } })]).toThrow(
      'The provided starting key is invalid: The provided key element does not match the schema',
    );
  });

  it('reads every page with an index seek, never a scan (the query plans of the statements it runs)', async () => {
    const { store, table, db } = await numbersTable();
    const plans: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = (sql: string) => {
      const statement = prepare(sql);
      if (!sql.includes('dynamodb_items')) return statement;
      const proxy: typeof statement = new Proxy(statement, {
        get(target, prop) {
          if (prop === 'raw' || prop === 'pluck') {
            return (...args: unknown[]) => {
              (target[prop] as (...a: unknown[]) => unknown)(...args);
              return proxy;
            };
          }
          if (prop !== 'all' && prop !== 'get') {
            const v = Reflect.get(target, prop) as unknown;
            return typeof v === 'function' ? v.bind(target) : v;
          }
          return (...args: unknown[]) => {
            const plan = db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
            plans.push(plan.map((p) => p.detail).join(' | '));
            return target[prop](...args);
          };
        },
      });
      return proxy;
    };
    const expectSeeks = () => {
      for (const plan of plans) {
        expect(plan).toMatch(/SEARCH (dynamodb_items|e) USING PRIMARY KEY \(/);
        expect(plan).not.toMatch(/\bSCAN\b|TEMP B-TREE/);
      }
    };
    [...store.query({ table, partitionKey: S('p'), sortKey: { op: 'BETWEEN', low: N(0), high: N(99) }, exclusiveStartKey: { pk: S('p'), n: N(1) }, forward: false })];
    [...store.query({ table, indexName: 'by-g', partitionKey: S('all'), sortKey: { op: 'GT', value: N(0) }, exclusiveStartKey: { pk: S('p'), n: N(1), g: S('all') } })];
    [...store.scan({ table, segment: 2, totalSegments: 5, exclusiveStartKey: { pk: S('p'), n: N(1) } })];
    [...store.scan({ table, indexName: 'by-g', segment: 1, totalSegments: 3 })];
    expect(plans).toHaveLength(4);
    expectSeeks();
    expect(plans[0]).toMatch(/table_id=\? AND bucket=\? AND hk=\? AND rk>\? AND rk<\?/);
    // More than one page: the first page's last key is read on its own, with a seek too.
    await store.write(() => {
      for (let n = 0; n < 40; n++) store.put(table, { pk: S('big'), n: N(n) });
    });
    plans.length = 0;
    expect(ns(store.query({ table, partitionKey: S('big') }))).toHaveLength(40);
    expect(plans).toHaveLength(3);
    expectSeeks();
    expect(plans[1]).toMatch(/SEARCH dynamodb_items USING PRIMARY KEY \(table_id=\? AND bucket=\? AND hk=\?\)/);
    expect(plans[2]).toMatch(/rk>\?/);
  });
});

describe('DynamoStore.scan', () => {
  async function hashTable(count: number) {
    const { store, clock } = newStore();
    const table = await createStoreTable(store, clock, 'h', {
      key: { hash: { name: 'id', type: 'N' } },
      indexes: [{ name: 'by-even', kind: 'GSI', key: { hash: { name: 'even', type: 'S' } }, projection: { type: 'ALL' } }],
    });
    await store.write(() => {
      for (let i = 0; i < count; i++) store.put(table, i % 2 ? { id: N(i) } : { id: N(i), even: S(`e${i % 10}`) });
    });
    return { store, table };
  }

  it('splits the table into disjoint segments that together cover it', async () => {
    const { store, table } = await hashTable(1000);
    const seen: string[] = [];
    for (let s = 0; s < 7; s++) {
      const part = [...store.scan({ table, segment: s, totalSegments: 7 })].map((i) => i.id!.N!);
      expect(part.length).toBeGreaterThan(50); // the hash spreads sequential keys
      seen.push(...part);
    }
    expect(seen.sort()).toEqual([...Array(1000).keys()].map(String).sort());
    expect(new Set(seen).size).toBe(1000);
  });

  it('pages with an exclusive start key in the same order as one pass', async () => {
    const { store, table } = await hashTable(300);
    const all = [...store.scan({ table })];
    const pages: Item[] = [];
    let esk: Item | undefined;
    for (;;) {
      const page = [...store.scan({ table, limit: 40, exclusiveStartKey: esk })];
      pages.push(...page);
      if (page.length < 40) break;
      esk = { id: page[page.length - 1]!.id! };
    }
    expect(pages).toEqual(all);
    const segment = [...store.scan({ table, segment: 1, totalSegments: 3 })];
    const resumed = [...store.scan({ table, segment: 1, totalSegments: 3, exclusiveStartKey: { id: segment[9]!.id! } })];
    expect(resumed).toEqual(segment.slice(10));
  });

  it('scans a sparse GSI', async () => {
    const { store, table } = await hashTable(100);
    const items = [...store.scan({ table, indexName: 'by-even' })];
    expect(items).toHaveLength(50);
    expect(items.every((i) => Number(i.id!.N) % 2 === 0)).toBe(true);
    const parts = [0, 1].flatMap((s) => [...store.scan({ table, indexName: 'by-even', segment: s, totalSegments: 2 })]);
    expect(parts).toHaveLength(50);
  });
});
