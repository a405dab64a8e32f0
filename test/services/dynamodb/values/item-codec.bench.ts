/**
 * Encode + decode cost of the stored item form, against the alternatives it was chosen over.
 * Run: npx vitest bench --run test/services/dynamodb/values/item-codec.bench.ts
 */
import v8 from 'node:v8';
import { decode as cborDecode, encode as cborEncode } from 'cborg';
import { bench, describe } from 'vitest';
import type { Item } from '../../../../src/services/dynamodb/domain/types.js';
import { decodeItem, encodeItem } from '../../../../src/services/dynamodb/domain/values/index.js';

/** About 1 KiB stored: keys, a few scalars, a set, a small map and list, one longer string. */
function item1KiB(): Item {
  return {
    pk: { S: 'user#0001234567' },
    sk: { S: 'profile#2024-01-01T00:00:00Z' },
    name: { S: 'Ada Lovelace '.repeat(8) },
    count: { N: '12345' },
    score: { N: '98.765' },
    active: { BOOL: true },
    tags: { SS: ['alpha', 'beta', 'gamma', 'delta', 'epsilon'] },
    address: { M: { street: { S: '10 Downing Street' }, city: { S: 'London' }, zip: { N: '12345' }, geo: { L: [{ N: '51.5034' }, { N: '-0.1276' }] } } },
    history: { L: [{ N: '1' }, { N: '2' }, { N: '3' }, { S: 'x' }, { NULL: true }] },
    data: { S: 'lorem ipsum dolor sit amet '.repeat(22) },
  };
}

function item100Attributes(): Item {
  const item: Item = { pk: { S: 'k' } };
  for (let i = 0; i < 100; i++) item[`attr${i}`] = i % 2 ? { S: `value number ${i} here` } : { N: String(i * 1000 + 7) };
  return item;
}

function itemWithBinary(): Item {
  const b = new Uint8Array(256).map((_, i) => i);
  return { ...item1KiB(), blob: { B: b }, blobs: { BS: [b.subarray(0, 16), b.subarray(16, 48)] } };
}

const cases: [string, Item][] = [
  ['1 KiB item', item1KiB()],
  ['100-attribute item', item100Attributes()],
  ['1 KiB item + 300 B of binaries', itemWithBinary()],
];

for (const [name, item] of cases) {
  describe(`${name}: encode + decode`, () => {
    bench('item-codec (JSON)', () => {
      decodeItem(encodeItem(item));
    });
    bench('cborg', () => {
      cborDecode(cborEncode(item));
    });
    bench('v8.serialize', () => {
      v8.deserialize(v8.serialize(item));
    });
  });
}
