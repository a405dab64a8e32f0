import { describe, expect, it } from 'vitest';
import type { AttributeValue, Item, KeyAttribute } from '../../../../src/services/dynamodb/domain/types.js';
import { validateItem, validateKeyValue, validateValue } from '../../../../src/services/dynamodb/domain/values/index.js';
import { expectValidation } from './helpers.js';

const EMPTY = 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes';
const MANY = 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes';
const INVALID = 'One or more parameter values were invalid: ';
const NESTING = 'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const av = (v: unknown): AttributeValue => v as AttributeValue;

function nestedMaps(wraps: number): AttributeValue {
  let v: AttributeValue = { S: 'leaf' };
  for (let i = 0; i < wraps; i++) v = { M: { n: v } };
  return v;
}

describe('validateValue', () => {
  it('returns a normalized copy with numbers in canonical form, also nested', () => {
    const input: AttributeValue = { M: { a: { N: '1.50' }, b: { L: [{ N: '+1e2' }, { NS: ['0001', '-0', '2.0'] }] } } };
    const out = validateValue(input);
    expect(out).toEqual({ M: { a: { N: '1.5' }, b: { L: [{ N: '100' }, { NS: ['1', '0', '2'] }] } } });
    expect(input.M?.a?.N).toBe('1.50'); // the input is not modified
    expect(out.M).not.toBe(input.M);
  });

  it('accepts every type, and empty strings and binaries outside keys', () => {
    for (const v of [
      { S: '' },
      { B: bytes() },
      { SS: ['', 'a'] },
      { BS: [bytes(), bytes(1)] },
      { BOOL: false },
      { NULL: true },
      { L: [] },
      { M: {} },
      { L: [{ S: '' }, { M: { '': { S: '' } } }] },
    ] as AttributeValue[]) {
      expect(validateValue(v)).toEqual(v);
    }
  });

  it('drops members that are present but null', () => {
    expect(validateValue(av({ S: 'x', N: null }))).toEqual({ S: 'x' });
  });

  it('refuses an empty AttributeValue, also nested', () => {
    for (const v of [{}, { M: { a: {} } }, { L: [{}] }, { L: [{ M: { b: {} } }] }]) expectValidation(() => validateValue(av(v)), EMPTY);
  });

  it('refuses more than one data type', () => {
    expectValidation(() => validateValue(av({ S: 'a', N: '1' })), MANY);
    expectValidation(() => validateValue(av({ BOOL: true, NULL: true })), MANY);
    expectValidation(() => validateValue(av({ M: { a: { S: 'a', B: bytes(1) } } })), MANY);
  });

  it('reports a bad number before the extra data types', () => {
    expectValidation(() => validateValue(av({ S: '', N: '' })), 'The parameter cannot be converted to a numeric value');
    expectValidation(() => validateValue(av({ S: 'a', N: 'b' })), 'The parameter cannot be converted to a numeric value: b');
  });

  it('refuses bad numbers with DynamoDB messages, also inside number sets', () => {
    expectValidation(() => validateValue({ N: 'abc' }), 'The parameter cannot be converted to a numeric value: abc');
    expectValidation(() => validateValue({ NS: ['1', ''] }), 'The parameter cannot be converted to a numeric value');
    expectValidation(() => validateValue({ NS: ['1', 'b'] }), 'The parameter cannot be converted to a numeric value: b');
    expectValidation(() => validateValue({ N: '1e126' }), 'Number overflow. Attempting to store a number with magnitude larger than supported range');
    expectValidation(() => validateValue({ L: [{ N: '1e-131' }] }), 'Number underflow. Attempting to store a number with magnitude smaller than supported range');
    expectValidation(() => validateValue({ N: '123456789012345678901234567890123456789' }), 'Attempting to store more than 38 significant digits in a Number');
  });

  it('refuses NULL other than true', () => {
    expectValidation(() => validateValue({ NULL: false }), `${INVALID}Null attribute value types must have the value of true`);
  });

  it('refuses empty sets, in AWS wording', () => {
    expectValidation(() => validateValue({ SS: [] }), `${INVALID}An string set  may not be empty`);
    expectValidation(() => validateValue({ NS: [] }), `${INVALID}An number set  may not be empty`);
    expectValidation(() => validateValue({ BS: [] }), `${INVALID}Binary sets should not be empty`);
    expectValidation(() => validateValue({ M: { deep: { SS: [] } } }), `${INVALID}An string set  may not be empty`);
  });

  it('refuses duplicates in sets, listing the input as AWS does', () => {
    expectValidation(() => validateValue({ SS: ['a', 'a'] }), `${INVALID}Input collection [a, a] contains duplicates.`);
    expectValidation(() => validateValue({ SS: ['0', '1', '0'] }), `${INVALID}Input collection [0, 1, 0] contains duplicates.`);
    expectValidation(() => validateValue({ BS: [bytes(0x62), bytes(0x62)] }), `${INVALID}Input collection [Yg==, Yg==]of type BS contains duplicates.`);
    expectValidation(() => validateValue({ NS: ['1', '1'] }), 'Input collection contains duplicates');
    expectValidation(() => validateValue({ NS: ['1', '2', '2.0'] }), 'Input collection contains duplicates'); // by value
  });

  it('allows values nested 31 levels below an attribute and refuses 32', () => {
    // Also guards against revalidating children once per ancestor: 31 levels would then take 2^31 steps.
    expect(validateValue(nestedMaps(31))).toEqual(nestedMaps(31));
    expectValidation(() => validateValue(nestedMaps(32)), NESTING);
    let list: AttributeValue = { N: '1' };
    for (let i = 0; i < 32; i++) list = { L: [list] };
    expectValidation(() => validateValue(list), NESTING);
  });

  it('shares binary bytes but copies sets', () => {
    const b = bytes(1, 2);
    const bs = [bytes(3)];
    const out = validateValue({ B: b });
    expect(out.B).toBe(b);
    const set = validateValue({ BS: bs });
    expect(set.BS).not.toBe(bs);
    expect(set.BS).toEqual(bs);
  });
});

describe('validateItem', () => {
  it('validates and normalizes every attribute', () => {
    expect(validateItem({ id: { S: 'x' }, n: { N: '007' }, empty: { S: '' } })).toEqual({ id: { S: 'x' }, n: { N: '7' }, empty: { S: '' } });
    expectValidation(() => validateItem({ id: { S: 'x' }, bad: av({}) }), EMPTY);
  });

  it('keeps an attribute named __proto__ as an attribute', () => {
    const item = JSON.parse('{"__proto__":{"N":"1.0"},"M":{"M":{"__proto__":{"S":"v"}}}}') as Item;
    const out = validateItem(item);
    expect(Object.keys(out)).toEqual(['__proto__', 'M']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ N: '1' });
    expect(Object.keys(out.M?.M ?? {})).toEqual(['__proto__']);
  });
});

describe('validateKeyValue', () => {
  const id: KeyAttribute = { name: 'id', type: 'S' };
  const sk: KeyAttribute = { name: 'sk', type: 'B' };
  const n: KeyAttribute = { name: 'n', type: 'N' };

  it('returns a valid key value, numbers normalized', () => {
    expect(validateKeyValue({ S: 'a' }, id, 'partition')).toEqual({ S: 'a' });
    expect(validateKeyValue({ N: '1.50' }, n, 'sort')).toEqual({ N: '1.5' });
    expect(validateKeyValue({ B: bytes(1) }, sk, 'sort')).toEqual({ B: bytes(1) });
  });

  it('refuses a missing key attribute', () => {
    expectValidation(() => validateKeyValue(undefined, id, 'partition'), `${INVALID}Missing the key id in the item`);
    expectValidation(() => validateKeyValue(undefined, sk, 'sort'), `${INVALID}Missing the key sk in the item`);
  });

  it('refuses a key of the wrong type, naming both types', () => {
    expectValidation(() => validateKeyValue({ N: '1' }, id, 'partition'), `${INVALID}Type mismatch for key id expected: S actual: N`);
    expectValidation(() => validateKeyValue({ NULL: true }, id, 'partition'), `${INVALID}Type mismatch for key id expected: S actual: NULL`);
    expectValidation(() => validateKeyValue({ M: {} }, id, 'partition'), `${INVALID}Type mismatch for key id expected: S actual: M`);
    expectValidation(() => validateKeyValue({ SS: ['a'] }, id, 'partition'), `${INVALID}Type mismatch for key id expected: S actual: SS`);
    expectValidation(() => validateKeyValue({ S: '1' }, n, 'sort'), `${INVALID}Type mismatch for key n expected: N actual: S`);
  });

  it('refuses empty strings and binaries, in the "are not valid" wording', () => {
    expectValidation(
      () => validateKeyValue({ S: '' }, id, 'partition'),
      'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id',
    );
    expectValidation(
      () => validateKeyValue({ B: bytes() }, sk, 'sort'),
      'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: sk',
    );
  });

  it('limits a partition key to 2048 bytes and a sort key to 1024', () => {
    expect(validateKeyValue({ S: 'a'.repeat(2048) }, id, 'partition').S).toHaveLength(2048);
    expectValidation(
      () => validateKeyValue({ S: 'a'.repeat(2049) }, id, 'partition'),
      `${INVALID}Size of hashkey has exceeded the maximum size limit of2048 bytes`,
    );
    expectValidation(
      () => validateKeyValue({ S: '€'.repeat(683) }, id, 'partition'), // 683 characters, 2049 bytes
      `${INVALID}Size of hashkey has exceeded the maximum size limit of2048 bytes`,
    );
    expect(validateKeyValue({ B: new Uint8Array(1024) }, sk, 'sort').B).toHaveLength(1024);
    expectValidation(
      () => validateKeyValue({ B: new Uint8Array(1025) }, sk, 'sort'),
      `${INVALID}Aggregated size of all range keys has exceeded the size limit of 1024 bytes`,
    );
    expectValidation(
      () => validateKeyValue({ S: 'a'.repeat(1025) }, { name: 'r', type: 'S' }, 'sort'),
      `${INVALID}Aggregated size of all range keys has exceeded the size limit of 1024 bytes`,
    );
  });
});
