/**
 * An order-preserving byte encoding of key values for the store: for two values of the same key
 * type, `Buffer.compare` (memcmp, SQLite's BLOB order) of their encodings agrees with DynamoDB's
 * order (compareScalars). Each encoding stands alone (it is not self-delimiting), so a hash and a
 * range key belong in separate columns.
 *
 * - S: the UTF-8 bytes (byte order = DynamoDB's string order).
 * - B: the bytes themselves.
 * - N: a class byte (negative 0x01 < zero 0x02 < positive 0x03), then for non-zero numbers the
 *   power of ten of the first digit (biased to one byte), then the significant digits two to a
 *   byte (00–99), padded with a 0 when their count is odd. Trailing zeros are never significant,
 *   so a shorter digit run that is a prefix of a longer one is the smaller magnitude, which is
 *   what memcmp says. For negatives the exponent and digit bytes are inverted (254 − pair) and a
 *   0xFF terminator follows, so a larger magnitude sorts first and a prefix sorts after its
 *   extensions. Longest encoding: 1 + 1 + 19 + 1 = 22 bytes.
 */
import type { AttributeValue, KeyType } from '../types.js';
import { MAX_LEAD_EXPONENT, MIN_LEAD_EXPONENT, formatDecimal, parseNumber } from './number.js';

const NEGATIVE = 0x01;
const ZERO = 0x02;
const POSITIVE = 0x03;
const NEGATIVE_END = 0xff;

export function encodeKeyValue(v: AttributeValue, type: KeyType): Buffer {
  switch (type) {
    case 'S':
      if (typeof v.S !== 'string') throw new Error('encodeKeyValue: expected an S value');
      return Buffer.from(v.S, 'utf8');
    case 'B':
      if (!(v.B instanceof Uint8Array)) throw new Error('encodeKeyValue: expected a B value');
      return Buffer.from(v.B);
    case 'N':
      if (typeof v.N !== 'string') throw new Error('encodeKeyValue: expected an N value');
      return encodeNumber(v.N);
  }
}

export function decodeKeyValue(buf: Buffer, type: KeyType): AttributeValue {
  switch (type) {
    case 'S':
      return { S: buf.toString('utf8') };
    case 'B':
      return { B: new Uint8Array(buf) };
    case 'N':
      return { N: decodeNumber(buf) };
  }
}

function encodeNumber(text: string): Buffer {
  const d = parseNumber(text);
  if (d.digits === '') return Buffer.from([ZERO]);
  const digits = d.digits;
  const pairs = (digits.length + 1) >> 1;
  const out = Buffer.allocUnsafe(2 + pairs + (d.negative ? 1 : 0));
  const biased = d.lead - MIN_LEAD_EXPONENT; // 0…255
  out[0] = d.negative ? NEGATIVE : POSITIVE;
  out[1] = d.negative ? 255 - biased : biased;
  for (let i = 0; i < pairs; i++) {
    const hi = digits.charCodeAt(2 * i) - 48;
    const lo = 2 * i + 1 < digits.length ? digits.charCodeAt(2 * i + 1) - 48 : 0;
    const pair = hi * 10 + lo;
    out[2 + i] = d.negative ? 254 - pair : pair;
  }
  if (d.negative) out[2 + pairs] = NEGATIVE_END;
  return out;
}

function decodeNumber(buf: Buffer): string {
  const kind = buf[0];
  if (kind === ZERO && buf.length === 1) return '0';
  const negative = kind === NEGATIVE;
  if ((!negative && kind !== POSITIVE) || buf.length < 3 || (negative && buf[buf.length - 1] !== NEGATIVE_END)) {
    throw new Error('decodeKeyValue: not an encoded number');
  }
  const biased = negative ? 255 - (buf[1] as number) : (buf[1] as number);
  const lead = biased + MIN_LEAD_EXPONENT;
  const end = negative ? buf.length - 1 : buf.length;
  let digits = '';
  for (let i = 2; i < end; i++) {
    const pair = negative ? 254 - (buf[i] as number) : (buf[i] as number);
    if (pair < 0 || pair > 99) throw new Error('decodeKeyValue: not an encoded number');
    digits += pair < 10 ? `0${pair}` : String(pair);
  }
  // An odd digit count was padded with one 0; significant digits never end in 0.
  if (digits.endsWith('0')) digits = digits.slice(0, -1);
  if (lead > MAX_LEAD_EXPONENT || digits === '' || digits.startsWith('0')) throw new Error('decodeKeyValue: not an encoded number');
  return formatDecimal({ negative, digits, lead });
}
