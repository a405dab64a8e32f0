import { describe, expect, it } from 'vitest';
import type { AttributeValue } from '../../../../src/services/dynamodb/domain/types.js';
import { compareScalars, typeOf, valuesEqual } from '../../../../src/services/dynamodb/domain/values/index.js';

const S = (s: string): AttributeValue => ({ S: s });
const N = (n: string): AttributeValue => ({ N: n });
const B = (...bytes: number[]): AttributeValue => ({ B: new Uint8Array(bytes) });

describe('typeOf', () => {
  it('names the one member set', () => {
    const cases: [AttributeValue, string][] = [
      [{ S: '' }, 'S'],
      [{ N: '1' }, 'N'],
      [{ B: new Uint8Array() }, 'B'],
      [{ SS: ['a'] }, 'SS'],
      [{ NS: ['1'] }, 'NS'],
      [{ BS: [new Uint8Array([1])] }, 'BS'],
      [{ M: {} }, 'M'],
      [{ L: [] }, 'L'],
      [{ NULL: true }, 'NULL'],
      [{ BOOL: false }, 'BOOL'],
    ];
    for (const [v, t] of cases) expect(typeOf(v)).toBe(t);
  });

  it('ignores members that are present but null', () => {
    expect(typeOf({ S: null, N: '1' } as unknown as AttributeValue)).toBe('N');
  });
});

describe('compareScalars', () => {
  it('orders strings by UTF-8 bytes, not by UTF-16 code units', () => {
    const astral = '\u{1F600}'; // F0 9F 98 80 in UTF-8; D83D DE00 in UTF-16
    const privateUse = '\uE000'; // EE 80 80
    const lastBmp = '\uFFFD'; // EF BF BD
    expect(astral < privateUse).toBe(true); // JavaScript's own order is the wrong one
    expect(compareScalars(S(privateUse), S(astral))).toBeLessThan(0);
    expect(compareScalars(S(lastBmp), S(astral))).toBeLessThan(0);
    expect(compareScalars(S(astral), S(lastBmp))).toBeGreaterThan(0);
    expect(compareScalars(S('\uD7FF'), S(astral))).toBeLessThan(0); // below the surrogates: same in both orders
    expect(compareScalars(S(`a${astral}`), S(`a${privateUse}`))).toBeGreaterThan(0);
  });

  it('agrees with Buffer.compare of the UTF-8 bytes on a mixed set of strings', () => {
    const strings = ['', 'a', 'A', 'ab', 'b', 'é', 'z', '\u00FF', '\u0100', '\u07FF', '\u0800', '\uD7FF', '\uE000', '\uFFFF', '\u{10000}', '\u{1F600}', '\u{10FFFF}', 'a\u{1F600}', 'a\uFFFF', '😀a', '😀'];
    for (const x of strings) {
      for (const y of strings) {
        const expected = Math.sign(Buffer.compare(Buffer.from(x, 'utf8'), Buffer.from(y, 'utf8')));
        expect(Math.sign(compareScalars(S(x), S(y))), `${JSON.stringify(x)} vs ${JSON.stringify(y)}`).toBe(expected);
      }
    }
  });

  it('orders a prefix first', () => {
    expect(compareScalars(S('abc'), S('abcd'))).toBeLessThan(0);
    expect(compareScalars(S(''), S('a'))).toBeLessThan(0);
    expect(compareScalars(S('same'), S('same'))).toBe(0);
  });

  it('orders numbers numerically', () => {
    expect(compareScalars(N('9'), N('10'))).toBeLessThan(0); // not as text
    expect(compareScalars(N('-10'), N('-9.5'))).toBeLessThan(0);
    expect(compareScalars(N('2.50'), N('2.5'))).toBe(0);
  });

  it('orders binaries by unsigned bytes', () => {
    expect(compareScalars(B(0x7f), B(0x80))).toBeLessThan(0); // signed bytes would say the opposite
    expect(compareScalars(B(0xff), B(0x00, 0x00))).toBeGreaterThan(0);
    expect(compareScalars(B(1, 2), B(1, 2, 0))).toBeLessThan(0);
    expect(compareScalars(B(), B(0))).toBeLessThan(0);
    expect(compareScalars(B(5, 6), B(5, 6))).toBe(0);
  });

  it('compares binary views by their own bytes', () => {
    const backing = new Uint8Array([9, 1, 2, 9]);
    expect(compareScalars({ B: backing.subarray(1, 3) }, B(1, 2))).toBe(0);
  });
});

describe('valuesEqual', () => {
  it('is false across types', () => {
    expect(valuesEqual(S('1'), N('1'))).toBe(false);
    expect(valuesEqual({ SS: ['1'] }, { NS: ['1'] })).toBe(false);
    expect(valuesEqual({ L: [] }, { M: {} })).toBe(false);
    expect(valuesEqual({ NULL: true }, { BOOL: false })).toBe(false);
  });

  it('compares scalars by value', () => {
    expect(valuesEqual(N('1'), N('1.0'))).toBe(true);
    expect(valuesEqual(N('100'), N('1e2'))).toBe(true);
    expect(valuesEqual(N('1'), N('2'))).toBe(false);
    expect(valuesEqual(S('a'), S('a'))).toBe(true);
    expect(valuesEqual(S('a'), S('A'))).toBe(false);
    expect(valuesEqual(S(''), S(''))).toBe(true);
    expect(valuesEqual(B(1, 2), B(1, 2))).toBe(true);
    expect(valuesEqual(B(1, 2), B(1, 2, 3))).toBe(false);
    expect(valuesEqual({ BOOL: true }, { BOOL: true })).toBe(true);
    expect(valuesEqual({ BOOL: true }, { BOOL: false })).toBe(false);
    expect(valuesEqual({ NULL: true }, { NULL: true })).toBe(true);
  });

  it('compares sets regardless of order', () => {
    expect(valuesEqual({ SS: ['a', 'b', 'c'] }, { SS: ['c', 'a', 'b'] })).toBe(true);
    expect(valuesEqual({ SS: ['a', 'b'] }, { SS: ['a', 'b', 'c'] })).toBe(false);
    expect(valuesEqual({ SS: ['a', 'b'] }, { SS: ['a', 'c'] })).toBe(false);
    expect(valuesEqual({ NS: ['1', '2.5'] }, { NS: ['2.50', '1.0'] })).toBe(true);
    expect(valuesEqual({ NS: ['1'] }, { NS: ['2'] })).toBe(false);
    expect(valuesEqual({ BS: [new Uint8Array([1]), new Uint8Array([2])] }, { BS: [new Uint8Array([2]), new Uint8Array([1])] })).toBe(true);
    expect(valuesEqual({ BS: [new Uint8Array([1])] }, { BS: [new Uint8Array([1, 0])] })).toBe(false);
  });

  it('compares lists in order and maps by key, deeply', () => {
    expect(valuesEqual({ L: [N('1'), S('x')] }, { L: [N('1.0'), S('x')] })).toBe(true);
    expect(valuesEqual({ L: [N('1'), S('x')] }, { L: [S('x'), N('1')] })).toBe(false);
    expect(valuesEqual({ L: [N('1')] }, { L: [N('1'), N('1')] })).toBe(false);
    expect(valuesEqual({ M: { a: N('1'), b: { L: [{ M: { c: S('d') } }] } } }, { M: { b: { L: [{ M: { c: S('d') } }] }, a: N('1') } })).toBe(true);
    expect(valuesEqual({ M: { a: N('1') } }, { M: { a: N('1'), b: N('2') } })).toBe(false);
    expect(valuesEqual({ M: { a: N('1') } }, { M: { b: N('1') } })).toBe(false);
    expect(valuesEqual({ M: { a: { M: { x: S('1') } } } }, { M: { a: { M: { x: S('2') } } } })).toBe(false);
  });
});
