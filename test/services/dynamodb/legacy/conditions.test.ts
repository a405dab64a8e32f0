/**
 * Legacy condition semantics through evaluateCondition: each row is one attribute's condition and
 * whether it holds for ITEM. Rows marked (A) are Alternator's test_expected.py cases, which were
 * run against DynamoDB; the rest follow the API reference's descriptions of the operators
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Condition.html).
 */
import { describe, expect, it } from 'vitest';
import type { ComparisonOperator, ExpectedAttributeValue } from '../../../../src/services/dynamodb/generated/types.js';
import type { AttributeValue, Item } from '../../../../src/services/dynamodb/domain/types.js';
import { evaluateCondition } from '../../../../src/services/dynamodb/domain/expressions/index.js';
import { compileExpected, compileFilter } from '../../../../src/services/dynamodb/domain/legacy/index.js';
import { B, BOOL, BS, L, M, N, NS, NULL, S, SS } from './helpers.js';

const ITEM: Item = {
  p: S('k'),
  n: N('1'),
  s: S('hello'),
  b: B(0x63, 0x61, 0x74),
  bin: B(0x68, 0x69, 0x20, 0x74, 0x68, 0x65, 0x72, 0x65),
  ns: NS('2', '4', '7'),
  ss: SS('chinchilla', 'cat', 'dog', 'mouse'),
  bs: BS([1], [2]),
  l: L(N('2'), N('4'), N('7'), BOOL(true), NULL),
  m: M({ a: S('x') }),
  t: BOOL(true),
  z: NULL,
};

function filterHolds(name: string, op: ComparisonOperator, ...values: AttributeValue[]): boolean {
  const filter = compileFilter({ [name]: { ComparisonOperator: op, AttributeValueList: values } }, undefined);
  return evaluateCondition(filter!, ITEM);
}

type Row = [name: string, op: ComparisonOperator, values: AttributeValue[], holds: boolean];

const rows: Row[] = [
  // EQ / NE — any type; a different type is simply unequal (A); NE holds for a missing attribute (A).
  ['n', 'EQ', [N('1')], true],
  ['n', 'EQ', [N('1.0')], true],
  ['n', 'EQ', [N('2')], false],
  ['n', 'EQ', [S('dog')], false],
  ['ss', 'EQ', [SS('mouse', 'dog', 'cat', 'chinchilla')], true],
  ['ns', 'EQ', [NS('7', '4', '2.0')], true],
  ['l', 'EQ', [L(N('2'), N('4'), N('7'), BOOL(true), NULL)], true],
  ['m', 'EQ', [M({ a: S('x') })], true],
  ['t', 'EQ', [BOOL(true)], true],
  ['q', 'EQ', [N('1')], false],
  ['n', 'NE', [N('2')], true],
  ['n', 'NE', [N('1')], false],
  ['n', 'NE', [S('1')], true],
  ['q', 'NE', [N('1')], true],
  // LE / LT / GE / GT — S, N, B; another type is false, not an error (A).
  ['n', 'LE', [N('2')], true],
  ['n', 'LE', [N('1')], true],
  ['n', 'LE', [N('0')], false],
  ['n', 'LE', [S('1')], false],
  ['s', 'LT', [S('hellp')], true],
  ['s', 'LT', [S('hello')], false],
  ['b', 'GE', [B(0x63, 0x61, 0x74)], true],
  ['b', 'GT', [B(0x61, 0x61)], true],
  ['b', 'GT', [B(0x64)], false],
  ['q', 'GT', [N('0')], false],
  ['ns', 'GT', [N('0')], false],
  // NULL / NOT_NULL — about existence, not the NULL type (A).
  ['z', 'NOT_NULL', [], true],
  ['q', 'NOT_NULL', [], false],
  ['q', 'NULL', [], true],
  ['z', 'NULL', [], false],
  ['n', 'NULL', [], false],
  // CONTAINS — substring, byte subsequence, set member, list element (A).
  ['s', 'CONTAINS', [S('ell')], true],
  ['s', 'CONTAINS', [S('dog')], false],
  ['s', 'CONTAINS', [N('1')], false],
  ['ns', 'CONTAINS', [N('4')], true],
  ['ns', 'CONTAINS', [N('1')], false],
  ['ss', 'CONTAINS', [S('dog')], true],
  ['bs', 'CONTAINS', [B(2)], true],
  ['l', 'CONTAINS', [N('4')], true],
  ['l', 'CONTAINS', [N('1')], false],
  ['l', 'CONTAINS', [BOOL(true)], true],
  ['l', 'CONTAINS', [NULL], true],
  ['bin', 'CONTAINS', [B(0x68, 0x65, 0x72, 0x65)], true],
  ['bin', 'CONTAINS', [B(0x64, 0x6f, 0x67)], false],
  ['q', 'CONTAINS', [N('1')], false],
  // NOT_CONTAINS — and false for a missing attribute, unlike NE (A).
  ['s', 'NOT_CONTAINS', [S('dog')], true],
  ['s', 'NOT_CONTAINS', [N('1')], true],
  ['s', 'NOT_CONTAINS', [S('ell')], false],
  ['ns', 'NOT_CONTAINS', [N('1')], true],
  ['ns', 'NOT_CONTAINS', [N('4')], false],
  ['l', 'NOT_CONTAINS', [N('4')], false],
  ['bin', 'NOT_CONTAINS', [B(0x68, 0x65, 0x72, 0x65)], false],
  ['q', 'NOT_CONTAINS', [N('1')], false],
  // BEGINS_WITH — S or B prefix; an attribute of another type is false (A).
  ['s', 'BEGINS_WITH', [S('hell')], true],
  ['s', 'BEGINS_WITH', [S('dog')], false],
  ['bin', 'BEGINS_WITH', [B(0x68, 0x69)], true],
  ['n', 'BEGINS_WITH', [S('1')], false],
  // IN — the attribute equals one of the values; not a set membership test (A).
  ['n', 'IN', [N('3'), N('1'), N('8')], true],
  ['n', 'IN', [N('2'), N('4')], false],
  ['ns', 'IN', [N('2')], false],
  ['q', 'IN', [N('1')], false],
  // BETWEEN — inclusive at both ends (A).
  ['n', 'BETWEEN', [N('0'), N('2')], true],
  ['n', 'BETWEEN', [N('1'), N('1')], true],
  ['n', 'BETWEEN', [N('-1'), N('0.5')], false],
  ['s', 'BETWEEN', [S('aardvark'), S('dog')], false],
  ['s', 'BETWEEN', [S('a'), S('i')], true],
  ['b', 'BETWEEN', [B(0x61), B(0x64)], true],
  ['n', 'BETWEEN', [S('a'), S('z')], false],
  ['q', 'BETWEEN', [N('0'), N('100')], false],
];

describe('legacy ComparisonOperator semantics', () => {
  for (const [name, op, values, holds] of rows) {
    it(`${name} ${op} ${JSON.stringify(values)} → ${holds}`, () => expect(filterHolds(name, op, ...values)).toBe(holds));
  }
  it('an attribute name is taken literally, dots included', () => {
    const filter = compileFilter({ 'a.b': { ComparisonOperator: 'EQ', AttributeValueList: [S('x')] } }, undefined)!;
    expect(evaluateCondition(filter, { 'a.b': S('x') })).toBe(true);
    expect(evaluateCondition(filter, { a: M({ b: S('x') }) })).toBe(false);
  });
});

describe('Expected semantics', () => {
  const holds = (expected: Record<string, ExpectedAttributeValue>, op?: 'AND' | 'OR', item: Item | 'none' = ITEM): boolean =>
    evaluateCondition(compileExpected(expected, op)!, item === 'none' ? undefined : item);

  it('Value: equal (A)', () => expect(holds({ n: { Value: N('1') } })).toBe(true));
  it('Value: unequal, or missing attribute (A)', () => {
    expect(holds({ n: { Value: N('2') } })).toBe(false);
    expect(holds({ q: { Value: N('1') } })).toBe(false);
  });
  it('Exists true with Value is the same equality (A)', () => {
    expect(holds({ n: { Exists: true, Value: N('1') } })).toBe(true);
    expect(holds({ n: { Exists: true, Value: N('2') } })).toBe(false);
  });
  it('Exists false: the attribute does not exist (A)', () => {
    expect(holds({ q: { Exists: false } })).toBe(true);
    expect(holds({ n: { Exists: false } })).toBe(false);
  });
  it('ComparisonOperator with Value as its single argument', () => {
    expect(holds({ n: { ComparisonOperator: 'GT', Value: N('0') } })).toBe(true);
    expect(holds({ n: { ComparisonOperator: 'GT', Value: N('1') } })).toBe(false);
  });
  it('a condition on an item that does not exist', () => {
    expect(holds({ p: { Exists: false } }, undefined, 'none')).toBe(true);
    expect(holds({ p: { Value: S('k') } }, undefined, 'none')).toBe(false);
  });
  it('several conditions: AND by default (A)', () => {
    const all: Record<string, ExpectedAttributeValue> = { n: { Exists: true, Value: N('1') }, s: { ComparisonOperator: 'EQ', AttributeValueList: [S('hello')] }, q: { Exists: false } };
    expect(holds(all)).toBe(true);
    expect(holds(all, 'AND')).toBe(true);
    expect(holds({ ...all, q: { Exists: true, Value: N('1') } })).toBe(false);
  });
  it('several conditions with OR: one true is enough, all false fails (A)', () => {
    expect(holds({ n: { Value: N('74') }, s: { ComparisonOperator: 'EQ', AttributeValueList: [S('x')] }, q: { Exists: false } }, 'OR')).toBe(true);
    expect(holds({ n: { Value: N('74') }, s: { ComparisonOperator: 'EQ', AttributeValueList: [S('x')] }, z: { Exists: false } }, 'OR')).toBe(false);
  });
  it('ScanFilter conditions combine the same way', () => {
    const scan = (op?: 'AND' | 'OR') =>
      evaluateCondition(compileFilter({ n: { ComparisonOperator: 'EQ', AttributeValueList: [N('1')] }, q: { ComparisonOperator: 'NOT_NULL' } }, op)!, ITEM);
    expect(scan()).toBe(false);
    expect(scan('OR')).toBe(true);
  });
  it('numbers in conditions are normalized', () => {
    const filter = compileFilter({ n: { ComparisonOperator: 'IN', AttributeValueList: [N('01.000'), N('5')] } }, undefined)!;
    expect(filter).toEqual({ kind: 'in', operand: { kind: 'path', path: ['n'] }, list: [{ kind: 'value', value: N('1') }, { kind: 'value', value: N('5') }] });
  });
});
