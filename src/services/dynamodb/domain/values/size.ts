/**
 * Item and value sizes as DynamoDB counts them, for the 400 KB item limit, the key size limits and
 * consumed capacity. https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html
 *
 * - S: UTF-8 bytes. B: raw bytes. BOOL, NULL: 1 byte.
 * - M, L: 3 bytes, plus 1 byte per element, plus the elements (a map element also counts its
 *   name's UTF-8 bytes).
 * - SS, NS, BS: the sum of the elements (no per-element overhead: an NS of 20,479 distinct
 *   38-digit numbers fits in one item, as a report against DynamoDB shows — ExtendDB issue 91).
 * - N: see `numberSize`. The guide's "1 byte per two significant digits + 1" is approximate.
 *   Measured against DynamoDB (the 400 KB limit resolves to the byte): 1.5 costs 3 bytes, 15
 *   costs 2, 3.14159 costs 5, 123456 costs 4, 100.5 costs 4, -42 costs 3, 0 costs 1. All the
 *   measurements fit a base-100 encoding (like Oracle's NUMBER): 1 byte of exponent, one byte per
 *   pair of digits aligned on the decimal point, from the first pair holding a significant digit
 *   to the last, and 1 more byte for a negative number. That model is what is implemented; cases
 *   no measurement covered (e.g. 12000, 0.015) follow from the model, not from a capture.
 */
import type { AttributeValue, Item } from '../types.js';
import { parseNumber, type Decimal } from './number.js';

/** The size of one value, without any attribute name. */
export function valueSize(v: AttributeValue): number {
  if (v.S != null) return utf8Length(v.S);
  if (v.N != null) return numberSize(v.N);
  if (v.B != null) return v.B.byteLength;
  if (v.BOOL != null || v.NULL != null) return 1;
  if (v.M != null) {
    let size = 3;
    for (const name in v.M) size += 1 + utf8Length(name) + valueSize(v.M[name] as AttributeValue);
    return size;
  }
  if (v.L != null) {
    let size = 3;
    for (const e of v.L) size += 1 + valueSize(e);
    return size;
  }
  if (v.SS != null) return v.SS.reduce((sum, s) => sum + utf8Length(s), 0);
  if (v.NS != null) return v.NS.reduce((sum, n) => sum + numberSize(n), 0);
  if (v.BS != null) return v.BS.reduce((sum, b) => sum + b.byteLength, 0);
  return 0;
}

/** An item's size: every attribute's name (UTF-8) plus its value. */
export function itemSize(item: Item): number {
  let size = 0;
  for (const name in item) size += utf8Length(name) + valueSize(item[name] as AttributeValue);
  return size;
}

/**
 * The bytes of a key value counted against the 2048-byte partition key and 1024-byte sort key
 * limits: the value alone, without the attribute name.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-partition-sort-keys
 */
export function attributeSizeForKey(v: AttributeValue): number {
  return valueSize(v);
}

export function numberSize(text: string): number {
  // Stored and validated numbers are canonical (plain notation, no leading or trailing zeros), so
  // the powers of ten of the first and last significant digits can be read off the text.
  if (CANONICAL.test(text)) {
    if (text === '0') return 1;
    const negative = text.charCodeAt(0) === 45;
    const start = negative ? 1 : 0;
    const dot = text.indexOf('.');
    let lead: number;
    let last: number;
    if (dot < 0) {
      lead = text.length - start - 1;
      let end = text.length - 1;
      while (text.charCodeAt(end) === 48) end--;
      last = text.length - 1 - end;
    } else {
      last = dot - text.length + 1;
      if (dot - start === 1 && text.charCodeAt(start) === 48) {
        let first = dot + 1;
        while (text.charCodeAt(first) === 48) first++;
        lead = dot - first;
      } else {
        lead = dot - start - 1;
      }
    }
    return sizeFromPowers(negative, lead, last);
  }
  return decimalSize(parseNumber(text));
}

const CANONICAL = /^(?:0|-?(?:[1-9]\d*(?:\.\d*[1-9])?|0\.\d*[1-9]))$/;

export function decimalSize(d: Decimal): number {
  if (d.digits === '') return 1;
  return sizeFromPowers(d.negative, d.lead, d.lead - d.digits.length + 1);
}

/** `lead` and `last`: powers of ten of the first and last significant digits. */
function sizeFromPowers(negative: boolean, lead: number, last: number): number {
  const pairs = Math.floor(lead / 2) - Math.floor(last / 2) + 1;
  return 1 + pairs + (negative ? 1 : 0);
}

export function utf8Length(s: string): number {
  // Short ASCII strings are the common case; counting them here avoids a native call.
  if (s.length < 64) {
    let ascii = true;
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) return s.length;
  }
  return Buffer.byteLength(s, 'utf8');
}
