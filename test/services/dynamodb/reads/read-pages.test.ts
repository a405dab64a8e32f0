import { describe, expect, it } from 'vitest';
import { PAGE_BYTES, readPage, type PagePlan } from '../../../../src/services/dynamodb/domain/read-pages.js';
import type { Item } from '../../../../src/services/dynamodb/domain/types.js';
import { itemSize } from '../../../../src/services/dynamodb/domain/values/index.js';

const itself = (i: Item) => i;
const plan = (p: Partial<PagePlan> = {}): PagePlan => ({ view: itself, output: 'view', ...p });

/** An item of exactly `bytes` bytes (attribute names `k` and `p`). */
function sized(k: number, bytes: number): Item {
  const item: Item = { k: { N: String(k) }, p: { S: '' } };
  item.p = { S: 'x'.repeat(bytes - itemSize(item)) };
  expect(itemSize(item)).toBe(bytes);
  return item;
}

describe('readPage', () => {
  it('stops after the item that reaches 1 MB, not before it', () => {
    const quarter = PAGE_BYTES / 4;
    const exact = readPage([1, 2, 3, 4, 5].map((k) => sized(k, quarter)).values(), plan());
    expect(exact.scannedCount).toBe(4);
    expect(exact.readBytes).toBe(PAGE_BYTES);
    expect(exact.stopped).toBe(true);
    expect(exact.last?.k).toEqual({ N: '4' });
    const under = readPage([1, 2, 3, 4, 5].map((k) => sized(k, quarter - 1)).values(), plan());
    expect(under.scannedCount).toBe(5);
    expect(under.stopped).toBe(true);
  });

  it('ends without stopping when the source ends, even at exactly Limit items', () => {
    const items = [1, 2, 3].map((k) => sized(k, 100));
    expect(readPage(items.values(), plan({ limit: 3 })).stopped).toBe(true);
    const short = readPage(items.values(), plan({ limit: 4 }));
    expect(short).toMatchObject({ stopped: false, count: 3, scannedCount: 3, readBytes: 300 });
  });

  it('filters what it read and projects what passed; COUNT returns nothing', () => {
    const items = [1, 2, 3, 4].map((k) => ({ k: { N: String(k) }, even: { BOOL: k % 2 === 0 }, x: { S: 'x' } }));
    const filter = { kind: 'compare' as const, op: '=' as const, left: { kind: 'path' as const, path: ['even'] }, right: { kind: 'value' as const, value: { BOOL: true } } };
    const page = readPage(items.values(), plan({ limit: 3, filter, projection: [['k']] }));
    expect(page).toMatchObject({ count: 1, scannedCount: 3, items: [{ k: { N: '2' } }], stopped: true });
    expect(page.last).toBe(items[2]);
    expect(readPage(items.values(), plan({ filter, output: 'none' }))).toMatchObject({ count: 2, items: [] });
  });

  it('counts the view read and records each whole item fetched for output or filter', () => {
    const items = [1, 2].map((k) => ({ k: { N: String(k) }, big: { S: 'y'.repeat(1000) } }));
    const view = (i: Item): Item => ({ k: i.k! });
    const page = readPage(items.values(), plan({ view, output: 'item' }));
    expect(page.readBytes).toBe(2 * itemSize({ k: { N: '1' } }));
    expect(page.fetchedSizes).toEqual(items.map(itemSize));
    expect(page.items).toEqual(items);
    expect(readPage(items.values(), plan({ view })).fetchedSizes).toEqual([]);
  });
});
