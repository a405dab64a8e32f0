import { describe, expect, it } from 'vitest';
import type { AttributeValue, Item } from '../../../../src/services/dynamodb/domain/types.js';
import { storedItemWireJson } from '../../../../src/services/dynamodb/domain/values/item-codec.js';
import { decodeItem, encodeItem } from '../../../../src/services/dynamodb/domain/values/index.js';

const roundTrip = (item: Item): Item => decodeItem(encodeItem(item));

/** Strict comparison that also tells Uint8Array bytes apart from arrays or base64 strings. */
function expectSame(actual: unknown, expected: unknown, path = 'item'): void {
  if (expected instanceof Uint8Array) {
    expect(actual, path).toBeInstanceOf(Uint8Array);
    expect([...(actual as Uint8Array)], path).toEqual([...expected]);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((e, i) => expectSame((actual as unknown[])[i], e, `${path}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(typeof actual, path).toBe('object');
    expect(Object.keys(actual as object), path).toEqual(Object.keys(expected));
    for (const k of Object.keys(expected)) {
      expectSame(Object.getOwnPropertyDescriptor(actual, k)?.value, Object.getOwnPropertyDescriptor(expected, k)?.value, `${path}.${k}`);
    }
    return;
  }
  expect(actual, path).toBe(expected);
}

describe('encodeItem / decodeItem', () => {
  it('round-trips every data type, nested', () => {
    const item: Item = {
      s: { S: 'hello' },
      empty: { S: '' },
      n: { N: '-1.5' },
      b: { B: new Uint8Array([0, 1, 2, 255]) },
      emptyB: { B: new Uint8Array() },
      t: { BOOL: true },
      f: { BOOL: false },
      nul: { NULL: true },
      ss: { SS: ['b', 'a', ''] },
      ns: { NS: ['3', '1', '2.5'] },
      bs: { BS: [new Uint8Array([9]), new Uint8Array(), new Uint8Array([0, 0])] },
      l: { L: [{ S: 'x' }, { N: '1' }, { L: [] }, { M: {} }, { B: new Uint8Array([7]) }] },
      m: { M: { inner: { M: { deeper: { L: [{ BS: [new Uint8Array([1, 2])] }, { NULL: true }] } } }, '': { S: '' } } },
    };
    expectSame(roundTrip(item), item);
  });

  it('round-trips items without binaries through the plain format', () => {
    const item: Item = { pk: { S: 'a' }, m: { M: { x: { L: [{ N: '1' }, { SS: ['q'] }] } } } };
    const buf = encodeItem(item);
    expect(buf[0]).toBe(0x30);
    expectSame(decodeItem(buf), item);
    expect(encodeItem({ b: { M: { deep: { B: new Uint8Array([1]) } } } })[0]).toBe(0x31);
  });

  it('keeps strings exactly: unicode, escapes, lone surrogates', () => {
    const strings = ['é😀\u0000\n"\\', '\u2028\u2029', '\uD800', 'a\uDFFFb', '\uFFFF', 'x'.repeat(100_000)];
    for (const s of strings) {
      const back = roundTrip({ v: { S: s }, set: { SS: [s, `${s}!`] } });
      expect(back.v?.S === s).toBe(true);
      expect(back.set?.SS).toEqual([s, `${s}!`]);
    }
  });

  it('keeps attribute names exactly, including __proto__ and numeric-looking names', () => {
    const item = JSON.parse('{"__proto__":{"S":"p"},"constructor":{"N":"1"},"10":{"B":"AQ=="},"m":{"M":{"__proto__":{"NULL":true}}}}') as Record<string, AttributeValue>;
    // The JSON gives B as a base64 string; make it bytes so the item has a binary (the walking path).
    Object.getOwnPropertyDescriptor(item, '10')!.value.B = new Uint8Array([1]);
    const back = roundTrip(item);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expectSame(back, item);
    const plain = JSON.parse('{"__proto__":{"S":"p"}}') as Item;
    expectSame(roundTrip(plain), plain);
  });

  it('encodes binary views by their own bytes and decodes standalone arrays', () => {
    const backing = new Uint8Array([5, 6, 7, 8, 9]);
    const back = roundTrip({ b: { B: backing.subarray(1, 3) }, bs: { BS: [backing.subarray(3)] } });
    expect([...(back.b?.B as Uint8Array)]).toEqual([6, 7]);
    expect([...((back.bs?.BS as Uint8Array[])[0] as Uint8Array)]).toEqual([8, 9]);
    const decoded = back.b?.B as Uint8Array;
    expect(decoded.byteOffset).toBe(0);
    expect(decoded.buffer.byteLength).toBe(2); // not a view into Node's shared pool
  });

  it('round-trips a 100-attribute item and a 400 KB item', () => {
    const wide: Item = {};
    for (let i = 0; i < 100; i++) wide[`attr${i}`] = i % 3 === 0 ? { N: String(i) } : i % 3 === 1 ? { S: `value ${i}` } : { B: new Uint8Array([i]) };
    expectSame(roundTrip(wide), wide);
    const big: Item = { pk: { S: 'k' }, data: { S: 'z'.repeat(409_590) } };
    expectSame(roundTrip(big), big);
  });

  it('stores the item in DynamoDB\'s JSON wire form after the format byte', () => {
    const item: Item = { id: { S: 'a"b' }, n: { N: '1.5' }, b: { B: new Uint8Array([0x62]) }, m: { M: { bs: { BS: [new Uint8Array([1, 2])] } } } };
    expect(JSON.parse(storedItemWireJson(encodeItem(item)).toString('utf8'))).toEqual({
      id: { S: 'a"b' },
      n: { N: '1.5' },
      b: { B: 'Yg==' },
      m: { M: { bs: { BS: ['AQI='] } } },
    });
    expect(storedItemWireJson(encodeItem({ x: { NULL: true } })).toString('utf8')).toBe('{"x":{"NULL":true}}');
  });

  it('refuses an unknown format byte', () => {
    expect(() => decodeItem(Buffer.from('2{}'))).toThrow(/format/);
  });
});
