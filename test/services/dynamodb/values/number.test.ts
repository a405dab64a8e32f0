import { describe, expect, it } from 'vitest';
import { addNumbers, compareNumbers, normalizeNumber, subtractNumbers } from '../../../../src/services/dynamodb/domain/values/index.js';
import { expectValidation } from './helpers.js';

const OVERFLOW = 'Number overflow. Attempting to store a number with magnitude larger than supported range';
const UNDERFLOW = 'Number underflow. Attempting to store a number with magnitude smaller than supported range';
const TOO_MANY_DIGITS = 'Attempting to store more than 38 significant digits in a Number';
const MAX = '9.9999999999999999999999999999999999999E+125';
const MAX_PLAIN = `99999999999999999999999999999999999999${'0'.repeat(88)}`;
const MIN_POSITIVE_PLAIN = `0.${'0'.repeat(129)}1`;

describe('normalizeNumber: the form GetItem returns', () => {
  it.each([
    ['0', '0'],
    ['-0', '0'],
    ['+0', '0'],
    ['0.000', '0'],
    ['0e1000', '0'], // zero with any exponent is accepted (ScyllaDB's tests against DynamoDB)
    ['-0e-1000', '0'],
    ['1.50', '1.5'],
    ['0001', '1'],
    ['0001.23', '1.23'],
    ['1e2', '100'],
    ['1E-3', '0.001'],
    ['+5', '5'], // DynamoDB drops the '+' (captured against DynamoDB, dynoxide issue 109)
    ['+1.5', '1.5'],
    ['+1e2', '100'],
    ['1e+2', '100'],
    ['1.5E+3', '1500'],
    ['-7', '-7'],
    ['.123', '0.123'],
    ['5.', '5'],
    ['-17e5', '-1700000'],
    ['-17.4E37', `-174${'0'.repeat(36)}`],
    ['00042', '42'],
    ['1.0', '1'],
    ['100', '100'],
    ['-0.5', '-0.5'],
    ['123.456000', '123.456'],
    ['0.000100', '0.0001'],
    ['1E+125', `1${'0'.repeat(125)}`],
    ['1e-130', MIN_POSITIVE_PLAIN],
    ['-1E-130', `-${MIN_POSITIVE_PLAIN}`],
    [MAX, MAX_PLAIN],
    ['1.00000000000000007629769841092E+50', '100000000000000007629769841092000000000000000000000'], // boto3 issue 4636
    ['3.1415926535897932384626433832795028841', '3.1415926535897932384626433832795028841'], // 38 digits
    ['31415926535897932384626433832795028841e30', `31415926535897932384626433832795028841${'0'.repeat(30)}`],
    [`1${'0'.repeat(60)}`, `1${'0'.repeat(60)}`], // many digits, one significant
    ['12345678901234567890123456789012345678', '12345678901234567890123456789012345678'],
    ['-.5e1', '-5'],
    ['+.5', '0.5'],
    ['5.e2', '500'],
    ['1.e-1', '0.1'],
    ['0.0e5', '0'],
    ['000', '0'],
    ['-000.000', '0'],
    ['10.01', '10.01'],
    ['100.0010', '100.001'],
    ['0.1000e-2', '0.001'],
    ['123.456e1', '1234.56'],
    ['123.456e-5', '0.00123456'],
    ['1e007', '10000000'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeNumber(input)).toBe(expected);
    expect(normalizeNumber(expected)).toBe(expected); // canonical forms are fixed points
  });

  it('refuses text that is not a number, naming it', () => {
    for (const s of ['NaN', 'Infinity', '-Infinity', '-NaN', 'dog', '-dog', ' 1', '1 ', '1.2.3', '1+2', '+e2', '1e', '.', '-', '+', 'e5', '0x10', '1_000', '١', '--1', '+-1', '1..2', '1e5.5', '1e+', '1e-', '1ee2', '1e2e3', '.e1', '1,5', '１']) {
      expectValidation(() => normalizeNumber(s), `The parameter cannot be converted to a numeric value: ${s}`);
    }
  });

  it('refuses the empty string without a ": value" suffix', () => {
    expectValidation(() => normalizeNumber(''), 'The parameter cannot be converted to a numeric value');
  });

  it('refuses more than 38 significant digits', () => {
    for (const s of [
      '123456789012345678901234567890123456789',
      '-1.23456789012345678901234567890123456789',
      '3.14159265358979323846264338327950288419',
      '314159265358979323846.264338327950288419',
      '314159265358979323846264338327950288419e30',
    ]) {
      expectValidation(() => normalizeNumber(s), TOO_MANY_DIGITS);
    }
  });

  it('refuses magnitudes outside 1E-130 … 9.99…E+125', () => {
    for (const s of ['1e126', '-1e126', '11e125', '1E+1000000000000000000000']) expectValidation(() => normalizeNumber(s), OVERFLOW);
    for (const s of ['1e-131', '-1e-131', '0.9e-130', '1E-1000000000000000000000']) expectValidation(() => normalizeNumber(s), UNDERFLOW);
  });

  it('reports the range before the digit count', () => {
    expectValidation(() => normalizeNumber(`${'1'.repeat(40)}e200`), OVERFLOW);
  });
});

describe('addNumbers and subtractNumbers: exact decimal arithmetic', () => {
  it.each([
    ['1', '2', '3'],
    ['0.1', '0.2', '0.3'],
    ['1', '10000000000000000000000', '10000000000000000000001'],
    ['-5', '5', '0'],
    ['1.5', '-1.5', '0'],
    ['999999999999999', '1', '1000000000000000'],
    ['9007199254740993', '1', '9007199254740994'], // beyond double precision
    ['1E+125', '1E+125', `2${'0'.repeat(125)}`],
    ['1e-130', '1e-130', `0.${'0'.repeat(129)}2`],
    ['-0.001', '-0.002', '-0.003'],
    ['12345678901234567890123456789012345677', '1', '12345678901234567890123456789012345678'],
  ])('%s + %s = %s', (a, b, sum) => {
    expect(addNumbers(a, b)).toBe(sum);
    expect(addNumbers(b, a)).toBe(sum);
    expect(subtractNumbers(sum, b)).toBe(normalizeNumber(a));
  });

  it.each([
    ['10000000000000000000000', '1', '9999999999999999999999'],
    ['0.3', '0.1', '0.2'], // moto PR 10092 records AWS answering 0.2
    ['100000000000000000000.00000001', '1', '99999999999999999999.00000001'],
    ['1', '2', '-1'],
    ['-1', '-1', '0'],
  ])('%s - %s = %s', (a, b, difference) => {
    expect(subtractNumbers(a, b)).toBe(difference);
  });

  it('refuses results beyond the range', () => {
    expectValidation(() => addNumbers('9e125', '9e125'), OVERFLOW);
    expectValidation(() => subtractNumbers('9e125', '-9e125'), OVERFLOW);
    expectValidation(() => addNumbers(MAX, '1E+125'), OVERFLOW); // ExtendDB issue 94, captured against DynamoDB
    expectValidation(() => subtractNumbers('1.1e-130', '1e-130'), UNDERFLOW);
  });

  it('refuses results needing more than 38 digits with the overflow message, as DynamoDB does', () => {
    expectValidation(() => addNumbers('1e50', '1'), OVERFLOW);
    expectValidation(() => subtractNumbers('1e50', '1'), OVERFLOW);
    expectValidation(() => addNumbers('12345678901234567890123456789012345678', '0.1'), OVERFLOW);
  });

  it('keeps exact results of 38 digits', () => {
    expect(addNumbers('99999999999999999999999999999999999998', '1')).toBe('99999999999999999999999999999999999999');
    expect(addNumbers('99999999999999999999999999999999999999', '1')).toBe(`1${'0'.repeat(38)}`);
  });
});

describe('compareNumbers', () => {
  it('orders numerically', () => {
    const ordered = ['-1E+125', '-10', '-9.5', '-1', '-0.5', '-1E-130', '0', '1E-130', '0.5', '1', '1.5', '2', '10', '1E+125', MAX];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        expect(Math.sign(compareNumbers(ordered[i] as string, ordered[j] as string)), `${ordered[i]} vs ${ordered[j]}`).toBe(Math.sign(i - j));
      }
    }
  });

  it('treats different spellings of one value as equal', () => {
    expect(compareNumbers('1', '1.0')).toBe(0);
    expect(compareNumbers('100', '1e2')).toBe(0);
    expect(compareNumbers('-0', '0')).toBe(0);
    expect(compareNumbers('0.5', '.50')).toBe(0);
  });
});
