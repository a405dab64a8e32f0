/** Condition and filter semantics: each row is an expression, its values, and whether it holds for ITEM. */
import { describe, expect, it } from 'vitest';
import type { AttributeValue, Item } from '../../../../src/services/dynamodb/domain/types.js';
import { compileRequestExpressions, evaluateCondition } from '../../../../src/services/dynamodb/domain/expressions/index.js';
import { B, BOOL, L, M, N, S } from './helpers.js';

const ITEM: Item = {
  pk: S('k'),
  n: N('10'),
  s: S('cat'),
  e: S(''),
  u: S('é😀'),
  astral: S('\u{1F600}'),
  b: B(1, 2, 3),
  ss: { SS: ['a', 'b'] },
  ns: { NS: ['1', '2.5'] },
  bs: { BS: [Uint8Array.from([7])] },
  l: L(S('x'), N('1'), M({ a: S('y') })),
  m: M({ deep: M({ v: N('5') }), nums: L(N('1'), N('2')) }),
  t: BOOL(true),
  z: { NULL: true },
};

function holds(expression: string, values?: Record<string, AttributeValue>, item: Item | 'none' = ITEM): boolean {
  const { condition } = compileRequestExpressions({ ConditionExpression: expression, ExpressionAttributeValues: values });
  return evaluateCondition(condition!, item === 'none' ? undefined : item);
}

type Row = [expression: string, values: Record<string, AttributeValue> | undefined, expected: boolean];

const rows: Row[] = [
  // = and <>: any types, numbers by value, absent attributes
  ['n = :v', { ':v': N('10.0') }, true],
  ['n = :v', { ':v': S('10') }, false],
  ['n <> :v', { ':v': S('10') }, true],
  ['absent = :v', { ':v': N('1') }, false],
  ['absent <> :v', { ':v': N('1') }, true],
  ['q <> zz', undefined, true],
  ['q = zz', undefined, false],
  ['m = :v', { ':v': M({ nums: L(N('1'), N('2.0')), deep: M({ v: N('5') }) }) }, true],
  ['l = :v', { ':v': L(N('1'), S('x'), M({ a: S('y') })) }, false],
  ['ss = :v', { ':v': { SS: ['b', 'a'] } }, true],
  ['ss <> :v', { ':v': { SS: ['a', 'b', 'c'] } }, true],
  ['z = :v', { ':v': { NULL: true } }, true],
  ['t = :v', { ':v': BOOL(false) }, false],
  // Ordering: same scalar type only
  ['n < :v', { ':v': N('9.5') }, false],
  ['n > :v', { ':v': N('9.5') }, true],
  ['n >= :v', { ':v': N('1e1') }, true],
  ['n <= :v', { ':v': N('-11') }, false],
  ['s < :v', { ':v': S('dog') }, true],
  ['s < :v', { ':v': N('1') }, false],
  [':v < s', { ':v': S('cas') }, true],
  ['absent < :v', { ':v': N('1') }, false],
  ['l < :v', { ':v': N('1') }, false],
  ['b < :v', { ':v': B(1, 2, 4) }, true],
  ['b > :v', { ':v': B(1, 2) }, true],
  ['b < :v', { ':v': B(200) }, true],
  // Strings order by UTF-8 bytes: U+1F600 (F0 9F …) sorts after U+FFFF (EF BF BF), unlike JavaScript's <
  ['astral > :v', { ':v': S('\uffff') }, true],
  // BETWEEN
  ['n BETWEEN :a AND :b', { ':a': N('5'), ':b': N('10') }, true],
  ['n BETWEEN :a AND :b', { ':a': N('11'), ':b': N('20') }, false],
  ['s BETWEEN :a AND :b', { ':a': N('1'), ':b': N('2') }, false],
  ['absent BETWEEN :a AND :b', { ':a': N('1'), ':b': N('2') }, false],
  ['s BETWEEN :a AND :b', { ':a': S('ca'), ':b': S('cat') }, true],
  // IN
  ['n IN (:a, :b)', { ':a': N('3'), ':b': N('10') }, true],
  ['s IN (:a)', { ':a': S('dog') }, false],
  ['absent IN (:a)', { ':a': S('dog') }, false],
  ['s IN (absent, e, :a)', { ':a': S('cat') }, true],
  // attribute_exists / attribute_not_exists over nested paths
  ['attribute_exists(m.deep.v)', undefined, true],
  ['attribute_exists(m.deep.w)', undefined, false],
  ['attribute_exists(l[2].a)', undefined, true],
  ['attribute_exists(l[3])', undefined, false],
  ['attribute_exists(s.x)', undefined, false],
  ['attribute_exists(m[0])', undefined, false],
  ['attribute_exists(z)', undefined, true],
  ['attribute_not_exists(zz)', undefined, true],
  // attribute_type
  ['attribute_type(ss, :t)', { ':t': S('SS') }, true],
  ['attribute_type(n, :t)', { ':t': S('S') }, false],
  ['attribute_type(z, :t)', { ':t': S('NULL') }, true],
  ['attribute_type(m.deep, :t)', { ':t': S('M') }, true],
  ['attribute_type(absent, :t)', { ':t': S('S') }, false],
  // begins_with
  ['begins_with(s, :v)', { ':v': S('ca') }, true],
  ['begins_with(s, :v)', { ':v': S('at') }, false],
  ['begins_with(s, :v)', { ':v': B(99) }, false],
  ['begins_with(b, :v)', { ':v': B(1, 2) }, true],
  ['begins_with(b, :v)', { ':v': B(1, 2, 3, 4) }, false],
  ['begins_with(n, :v)', { ':v': S('1') }, false],
  ['begins_with(l[0], :v)', { ':v': S('x') }, true],
  // contains
  ['contains(s, :v)', { ':v': S('at') }, true],
  ['contains(s, :v)', { ':v': S('dog') }, false],
  ['contains(ss, :v)', { ':v': S('a') }, true],
  ['contains(ss, :v)', { ':v': S('c') }, false],
  ['contains(ns, :v)', { ':v': N('2.50') }, true],
  ['contains(ns, :v)', { ':v': S('1') }, false],
  ['contains(bs, :v)', { ':v': B(7) }, true],
  ['contains(l, :v)', { ':v': N('1.0') }, true],
  ['contains(l, :v)', { ':v': M({ a: S('y') }) }, true],
  ['contains(b, :v)', { ':v': B(2, 3) }, true],
  ['contains(m, :v)', { ':v': S('deep') }, false],
  ['contains(n, :v)', { ':v': N('1') }, false],
  ['contains(absent, :v)', { ':v': N('1') }, false],
  // size()
  ['size(s) = :v', { ':v': N('3') }, true],
  ['size(u) = :v', { ':v': N('6') }, true],
  ['size(e) = :v', { ':v': N('0') }, true],
  ['size(b) = :v', { ':v': N('3') }, true],
  ['size(ss) = :v', { ':v': N('2') }, true],
  ['size(l) = :v', { ':v': N('3') }, true],
  ['size(m) = :v', { ':v': N('2') }, true],
  ['size(m.nums) > :v', { ':v': N('1') }, true],
  ['size(n) = :v', { ':v': N('2') }, false],
  ['size(n) <> :v', { ':v': N('2') }, true],
  ['size(absent) = :v', { ':v': N('0') }, false],
  ['size(s) BETWEEN :a AND :b', { ':a': N('1'), ':b': N('3') }, true],
  // Precedence: NOT binds tighter than AND, AND tighter than OR
  ['n = :a OR n = :b AND s = :c', { ':a': N('10'), ':b': N('1'), ':c': S('x') }, true],
  ['(n = :a OR n = :b) AND s = :c', { ':a': N('10'), ':b': N('1'), ':c': S('x') }, false],
  ['NOT n = :b AND s = :c', { ':b': N('1'), ':c': S('cat') }, true],
  ['NOT (n = :b OR s = :c)', { ':b': N('1'), ':c': S('cat') }, false],
  ['NOT NOT s = :c', { ':c': S('cat') }, true],
  ['n = :a aNd s = :c oR t = :t', { ':a': N('1'), ':c': S('cat'), ':t': BOOL(true) }, true],
];

describe('evaluateCondition', () => {
  for (const [expression, values, expected] of rows) {
    it(`${expression} ${values ? JSON.stringify(values) : ''} → ${expected}`, () => {
      expect(holds(expression, values)).toBe(expected);
    });
  }

  it('treats a missing item as having no attributes', () => {
    expect(holds('attribute_not_exists(pk)', undefined, 'none')).toBe(true);
    expect(holds('attribute_exists(pk)', undefined, 'none')).toBe(false);
    expect(holds('a = :v', { ':v': S('x') }, 'none')).toBe(false);
    expect(holds('a <> :v', { ':v': S('x') }, 'none')).toBe(true);
  });

  it('substitutes attribute names, including names that are not valid identifiers', () => {
    const { condition } = compileRequestExpressions({
      ConditionExpression: '#weird.#dot = :v AND #status = :s',
      ExpressionAttributeNames: { '#weird': 'a-b', '#dot': 'c.d', '#status': 'status' },
      ExpressionAttributeValues: { ':v': N('1'), ':s': S('on') },
    });
    expect(evaluateCondition(condition!, { 'a-b': M({ 'c.d': N('1') }), status: S('on') })).toBe(true);
    expect(evaluateCondition(condition!, { 'a-b': M({ c: M({ d: N('1') }) }), status: S('on') })).toBe(false);
  });
});
