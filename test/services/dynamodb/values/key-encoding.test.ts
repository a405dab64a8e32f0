import { describe, expect, it } from 'vitest';
import type { AttributeValue, KeyType } from '../../../../src/services/dynamodb/domain/types.js';
import { compareScalars, decodeKeyValue, encodeKeyValue, normalizeNumber } from '../../../../src/services/dynamodb/domain/values/index.js';
import { randomInt, seededRandom } from './helpers.js';

const sign = (n: number): number => Math.sign(n);

/** Sorting by encoding must give DynamoDB's order, and each encoding must decode to the (normalized) value. */
function checkOrderAndRoundTrip(values: AttributeValue[], type: KeyType): void {
  const encoded = values.map((v) => ({ v, e: encodeKeyValue(v, type) }));
  for (const { v, e } of encoded) {
    const back = decodeKeyValue(e, type);
    if (type === 'N') expect(back).toEqual({ N: normalizeNumber(v.N as string) });
    else expect(back).toEqual(v);
  }
  const byEncoding = [...encoded].sort((a, b) => Buffer.compare(a.e, b.e));
  for (let i = 1; i < byEncoding.length; i++) {
    const prev = byEncoding[i - 1] as (typeof byEncoding)[number];
    const cur = byEncoding[i] as (typeof byEncoding)[number];
    const byBytes = sign(Buffer.compare(prev.e, cur.e));
    const byDynamo = sign(compareScalars(prev.v, cur.v));
    expect(byDynamo, `${JSON.stringify(prev.v)} then ${JSON.stringify(cur.v)}`).toBe(byBytes);
  }
}

function randomNumber(rand: () => number): string {
  const r = rand();
  if (r < 0.03) return '0';
  if (r < 0.06) return `${rand() < 0.5 ? '-' : ''}1E${rand() < 0.5 ? 125 : -130}`;
  const count = rand() < 0.5 ? randomInt(rand, 1, 4) : randomInt(rand, 1, 38);
  let digits = String(randomInt(rand, 1, 9));
  for (let i = 1; i < count; i++) digits += String(randomInt(rand, 0, 9));
  // Small exponents often, so that many numbers share a magnitude and the digits decide.
  const lead = rand() < 0.6 ? randomInt(rand, -3, 3) : randomInt(rand, -130, 125);
  const negative = rand() < 0.5;
  // Spell it as d.ddddE±x, which normalization turns into plain notation.
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${negative ? '-' : ''}${mantissa}E${lead}`;
}

function randomString(rand: () => number): string {
  const pools = [
    () => 0x61 + randomInt(rand, 0, 2), // a b c: many shared prefixes
    () => randomInt(rand, 0, 0x7f),
    () => randomInt(rand, 0x80, 0x7ff),
    () => randomInt(rand, 0x800, 0xd7ff),
    () => randomInt(rand, 0xe000, 0xffff), // sorts below astral characters in UTF-8, above them in UTF-16
    () => randomInt(rand, 0x10000, 0x10ffff),
  ];
  let s = '';
  const length = randomInt(rand, 0, 6);
  for (let i = 0; i < length; i++) s += String.fromCodePoint((pools[randomInt(rand, 0, pools.length - 1)] as () => number)());
  return s;
}

function randomBytes(rand: () => number): Uint8Array {
  const b = new Uint8Array(randomInt(rand, 0, 6));
  for (let i = 0; i < b.length; i++) b[i] = rand() < 0.3 ? (rand() < 0.5 ? 0 : 255) : randomInt(rand, 0, 255);
  return b;
}

describe('encodeKeyValue / decodeKeyValue for numbers', () => {
  it('orders a known ladder of numbers', () => {
    const ladder = ['-9.9999999999999999999999999999999999999E+125', '-1E+125', '-10', '-9.5', '-1.23', '-1.2', '-1', '-0.001', '-1E-130', '0', '1E-130', '0.001', '1', '1.2', '1.23', '2', '9.5', '10', '100.5', '1E+125', '9.9999999999999999999999999999999999999E+125'];
    const encoded = ladder.map((n) => encodeKeyValue({ N: n }, 'N'));
    for (let i = 1; i < encoded.length; i++) {
      expect(Buffer.compare(encoded[i - 1] as Buffer, encoded[i] as Buffer), `${ladder[i - 1]} < ${ladder[i]}`).toBe(-1);
    }
  });

  it('encodes different spellings of one number identically', () => {
    const same = ['1', '1.0', '+1', '0001', '1e0', '10E-1', '0.1e1'];
    const first = encodeKeyValue({ N: same[0] as string }, 'N');
    for (const n of same) expect(encodeKeyValue({ N: n }, 'N').equals(first)).toBe(true);
    expect(encodeKeyValue({ N: '-0' }, 'N').equals(encodeKeyValue({ N: '0' }, 'N'))).toBe(true);
  });

  it('round-trips to the normalized form', () => {
    for (const [n, normalized] of [
      ['0', '0'],
      ['-0.0', '0'],
      ['1.50', '1.5'],
      ['-1.23', '-1.23'],
      ['12345678901234567890123456789012345678', '12345678901234567890123456789012345678'],
      ['-1.2345678901234567890123456789012345678E-100', `-0.${'0'.repeat(99)}12345678901234567890123456789012345678`],
      ['1E+125', `1${'0'.repeat(125)}`],
      ['1001', '1001'],
      ['10.01', '10.01'],
    ]) {
      expect(decodeKeyValue(encodeKeyValue({ N: n as string }, 'N'), 'N')).toEqual({ N: normalized });
    }
  });

  it('keeps encodings short (at most 22 bytes)', () => {
    expect(encodeKeyValue({ N: '-1.2345678901234567890123456789012345678' }, 'N').length).toBe(22);
    expect(encodeKeyValue({ N: '0' }, 'N').length).toBe(1);
  });

  it('agrees with compareScalars on random numbers (property)', () => {
    const rand = seededRandom(20240601);
    const values = Array.from({ length: 3000 }, () => ({ N: randomNumber(rand) }));
    // Add the same values spelled differently, so ties are exercised too.
    values.push(...values.slice(0, 300).map((v) => ({ N: normalizeNumber(v.N) })));
    // And numbers whose digits are a prefix of another's (-1.2 vs -1.23), where a naive encoding of negatives fails.
    values.push(...values.slice(300, 900).map((v) => ({ N: normalizeNumber(v.N).slice(0, -1) })).filter((v) => /\d$/.test(v.N)));
    checkOrderAndRoundTrip(values, 'N');
  });
});

describe('encodeKeyValue / decodeKeyValue for strings and binaries', () => {
  it('encodes strings as their UTF-8 bytes', () => {
    expect(encodeKeyValue({ S: 'é😀' }, 'S').equals(Buffer.from('é😀', 'utf8'))).toBe(true);
  });

  it('agrees with compareScalars on random strings (property)', () => {
    const rand = seededRandom(7);
    checkOrderAndRoundTrip(Array.from({ length: 3000 }, () => ({ S: randomString(rand) })), 'S');
  });

  it('agrees with compareScalars on random binaries (property)', () => {
    const rand = seededRandom(99);
    checkOrderAndRoundTrip(Array.from({ length: 3000 }, () => ({ B: randomBytes(rand) })), 'B');
  });

  it('encodes a binary view by its own bytes and decodes to a standalone Uint8Array', () => {
    const backing = new Uint8Array([7, 1, 2, 3, 7]);
    const e = encodeKeyValue({ B: backing.subarray(1, 4) }, 'B');
    expect([...e]).toEqual([1, 2, 3]);
    const back = decodeKeyValue(e, 'B');
    expect(back.B).toBeInstanceOf(Uint8Array);
    expect([...(back.B as Uint8Array)]).toEqual([1, 2, 3]);
  });

  it('refuses a value of another type', () => {
    expect(() => encodeKeyValue({ N: '1' }, 'S')).toThrow();
    expect(() => decodeKeyValue(Buffer.from([0x09]), 'N')).toThrow();
  });
});
