import { describe, expect, it } from 'vitest';
import type { AttributeValue } from '../../../../src/services/dynamodb/domain/types.js';
import { attributeSizeForKey, itemSize, valueSize } from '../../../../src/services/dynamodb/domain/values/index.js';

describe('valueSize of numbers', () => {
  // Byte costs measured against DynamoDB (eu-west-2, 2026-08-18) with an accept/reject pair either
  // side of the 400 KB limit, recorded by a public DynamoDB conformance suite. The developer
  // guide's "1 byte per two significant digits + 1" gets several of them wrong.
  it.each([
    ['0', 1],
    ['1', 2],
    ['12', 2],
    ['123', 3],
    ['1234', 3],
    ['12345678901234567890123456789012345678', 20],
    ['0042', 2],
    ['100', 2],
    ['1010', 3],
    ['0.0000001', 2],
    ['1E125', 2],
    ['1E-100', 2],
    ['1.5', 3],
    ['15', 2],
    ['1.2', 3],
    ['1.200', 3],
    ['1.234', 4],
    ['3.14159', 5],
    ['123456', 4],
    ['100.5', 4],
    ['0.15', 2],
    ['-42', 3],
    ['-0', 1],
  ])('%s costs %i bytes', (n, bytes) => {
    expect(valueSize({ N: n })).toBe(bytes);
  });

  it('sizes the value, not the spelling', () => {
    expect(valueSize({ N: '1e2' })).toBe(valueSize({ N: '100' }));
    expect(valueSize({ N: '+1.50' })).toBe(valueSize({ N: '1.5' }));
  });
});

describe('valueSize of other types', () => {
  it('counts strings in UTF-8 bytes', () => {
    expect(valueSize({ S: '' })).toBe(0);
    expect(valueSize({ S: 'abc' })).toBe(3);
    expect(valueSize({ S: 'é' })).toBe(2);
    expect(valueSize({ S: '€' })).toBe(3);
    expect(valueSize({ S: '😀' })).toBe(4);
    expect(valueSize({ S: 'x'.repeat(100) + '€' })).toBe(103); // the long-string path
  });

  it('counts raw bytes for binaries, 1 byte for BOOL and NULL', () => {
    expect(valueSize({ B: new Uint8Array(10) })).toBe(10);
    expect(valueSize({ B: new Uint8Array(20).subarray(5, 8) })).toBe(3);
    expect(valueSize({ BOOL: false })).toBe(1);
    expect(valueSize({ NULL: true })).toBe(1);
  });

  it('sums set elements', () => {
    expect(valueSize({ SS: ['a', 'bc', '€'] })).toBe(6);
    expect(valueSize({ NS: ['1', '1.5', '-42'] })).toBe(2 + 3 + 3);
    expect(valueSize({ BS: [new Uint8Array(2), new Uint8Array(5)] })).toBe(7);
  });

  it('counts 3 bytes for a list or map, 1 per element, and map element names', () => {
    expect(valueSize({ L: [] })).toBe(3);
    expect(valueSize({ M: {} })).toBe(3);
    expect(valueSize({ L: [{ S: 'xy' }] })).toBe(3 + 1 + 2);
    expect(valueSize({ L: [{ S: 'ab' }, { N: '1' }, { NULL: true }] })).toBe(3 + (1 + 2) + (1 + 2) + (1 + 1));
    expect(valueSize({ M: { key: { S: 'value' } } })).toBe(3 + 1 + 3 + 5);
    expect(valueSize({ M: { a: { M: { b: { L: [{ BOOL: true }] } } } } })).toBe(3 + 1 + 1 + (3 + 1 + 1 + (3 + 1 + 1)));
  });
});

describe('itemSize', () => {
  it('adds each attribute name (UTF-8) to its value', () => {
    expect(itemSize({})).toBe(0);
    expect(itemSize({ id: { S: 'abc' } })).toBe(5);
    expect(itemSize({ id: { S: 'abc' }, n: { N: '12345' }, flag: { BOOL: true }, l: { L: [{ S: 'xy' }] } })).toBe(5 + (1 + 4) + 5 + (1 + 6));
    expect(itemSize({ 'é': { NULL: true } })).toBe(3);
  });

  it('measures an item at the 400 KB limit exactly', () => {
    const item: Record<string, AttributeValue> = { pk: { S: 'key' }, data: { S: 'x'.repeat(409_600 - 5 - 4) } };
    expect(itemSize(item)).toBe(409_600);
  });
});

describe('attributeSizeForKey', () => {
  it('counts the value only', () => {
    expect(attributeSizeForKey({ S: 'a'.repeat(2048) })).toBe(2048);
    expect(attributeSizeForKey({ S: '€'.repeat(683) })).toBe(2049);
    expect(attributeSizeForKey({ B: new Uint8Array(1024) })).toBe(1024);
    expect(attributeSizeForKey({ N: '12345678901234567890123456789012345678' })).toBe(20);
  });
});

describe('numberSize fast path', () => {
  it('gives the same size for canonical text as for any other spelling of the value', () => {
    const cases = ['1', '-1', '10', '1200', '12000', '-12000', '0.5', '0.05', '0.015', '-0.0015', '1.5', '100.5', '12.345', '-987654.321', '3.14159', '1000000000000000000000000000000000000.1', '-0.000000000000000000000000000000000000001'];
    for (const canonical of cases) {
      const spelled = `${canonical.startsWith('-') ? '-' : '+'}00${canonical.replace('-', '')}e0`;
      expect(valueSize({ N: canonical }), canonical).toBe(valueSize({ N: spelled }));
    }
    expect(valueSize({ N: '12000' })).toBe(3); // pairs 01|20|00: the model, not a capture
    expect(valueSize({ N: '0.015' })).toBe(3); // pairs .01|50
  });
});
