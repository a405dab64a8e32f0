/**
 * DynamoDB's ordering and equality of values.
 *
 * Ordering (key conditions, sort keys, comparators): numbers numerically; strings and binaries by
 * their unsigned bytes, strings as UTF-8
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.String).
 * UTF-8 byte order is code point order, which is *not* JavaScript's `<` on strings: that compares
 * UTF-16 code units, so a character above U+FFFF (a surrogate pair, 0xD800…) would sort before
 * U+E000…U+FFFF although its UTF-8 bytes (F0 …) sort after theirs (EE/EF …).
 */
import type { AttributeValue } from '../types.js';
import { compareNumbers, normalizeNumber } from './number.js';
import { typeOf } from './type-of.js';

/** Order of two values of the same scalar type S, N or B. */
export function compareScalars(a: AttributeValue, b: AttributeValue): number {
  if (a.S != null) return compareUtf8(a.S, b.S ?? '');
  if (a.N != null) return compareNumbers(a.N, b.N ?? '0');
  if (a.B != null) return compareBytes(a.B, b.B ?? new Uint8Array(0));
  throw new Error('compareScalars: only S, N and B values have an order');
}

/** Compares two strings as their UTF-8 bytes would compare, without encoding them. */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return utf8Rank(x) - utf8Rank(y);
  }
  return a.length - b.length;
}

/**
 * Ranks a UTF-16 code unit so that the first differing unit of two strings decides as code
 * points (= UTF-8 bytes) would: surrogates (U+D800…U+DFFF, only ever part of a character above
 * U+FFFF) move above U+E000…U+FFFF, which move down to make room.
 */
function utf8Rank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/** Unsigned byte order (memcmp, then length). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(asBuffer(a), asBuffer(b));
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(asBuffer(a), asBuffer(b)) === 0;
}

function asBuffer(u: Uint8Array): Buffer {
  return Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

/**
 * DynamoDB equality (the `=` comparator, `IN`, `contains` on lists, ADD/DELETE on sets …): values of
 * different types are never equal; numbers compare by value (1 = 1.0); sets ignore order; lists
 * and maps compare element by element.
 */
export function valuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  const type = typeOf(a);
  if (type !== typeOf(b)) return false;
  switch (type) {
    case 'S':
      return a.S === b.S;
    case 'N':
      return compareNumbers(a.N as string, b.N as string) === 0;
    case 'B':
      return bytesEqual(a.B as Uint8Array, b.B as Uint8Array);
    case 'BOOL':
      return a.BOOL === b.BOOL;
    case 'NULL':
      return true;
    case 'SS':
      return sameSet(a.SS as string[], b.SS as string[], (s) => s);
    case 'NS':
      return sameSet(a.NS as string[], b.NS as string[], normalizeNumber);
    case 'BS':
      return sameSet(a.BS as Uint8Array[], b.BS as Uint8Array[], (u) => asBuffer(u).toString('latin1'));
    case 'L':
      return listsEqual(a.L as AttributeValue[], b.L as AttributeValue[]);
    case 'M':
      return mapsEqual(a.M as Record<string, AttributeValue>, b.M as Record<string, AttributeValue>);
  }
}

/** Sets are validated (no duplicates), so equal size and containment mean equality. */
function sameSet<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(key));
  return b.every((x) => keys.has(key(x)));
}

function listsEqual(a: readonly AttributeValue[], b: readonly AttributeValue[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!valuesEqual(a[i] as AttributeValue, b[i] as AttributeValue)) return false;
  }
  return true;
}

function mapsEqual(a: Record<string, AttributeValue>, b: Record<string, AttributeValue>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!valuesEqual(a[k] as AttributeValue, b[k] as AttributeValue)) return false;
  }
  return true;
}
