/**
 * What statements mean: literals, names, comments, keywords, and the plans they compile to.
 * Tables as in helpers.ts ("H": pk S; "C": pk S + sk N; "N": pk N).
 */
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../../../src/services/dynamodb/domain/expressions/index.js';
import type { Item } from '../../../../src/services/dynamodb/domain/types.js';
import { as, compile } from './helpers.js';

/** The INSERT item a VALUE literal compiles to. */
const item = (value: string, parameters?: Parameters<typeof compile>[1]): Item =>
  as(compile(`INSERT INTO "H" VALUE ${value}`, parameters), 'insert').item;

/** Whether a WHERE clause holds for an item (the SELECT plan's filter, evaluated). */
function holds(where: string, on: Item, parameters?: Parameters<typeof compile>[1]): boolean {
  const plan = as(compile(`SELECT * FROM "H" WHERE ${where}`, parameters), 'select');
  return evaluateCondition(plan.filter!, on);
}

describe('PartiQL literals', () => {
  it('turns every literal kind into its AttributeValue', () => {
    expect(item("{'pk': 'a', 's': 'it''s', 'n': -1.50, 'e': 7.31e6, 'f': .5, 't': TRUE, 'x': false, 'z': NULL}")).toEqual({
      pk: { S: 'a' },
      s: { S: "it's" },
      n: { N: '-1.5' },
      e: { N: '7310000' },
      f: { N: '0.5' },
      t: { BOOL: true },
      x: { BOOL: false },
      z: { NULL: true },
    });
  });

  it('builds lists, maps and sets, nested', () => {
    expect(item("{'pk': 'a', 'l': [1, 'x', [true]], 'm': {'k': {'deep': 2}}, 'ss': <<'b', 'a'>>, 'ns': <<3, 1.0>>}")).toEqual({
      pk: { S: 'a' },
      l: { L: [{ N: '1' }, { S: 'x' }, { L: [{ BOOL: true }] }] },
      m: { M: { k: { M: { deep: { N: '2' } } } } },
      ss: { SS: ['b', 'a'] },
      ns: { NS: ['3', '1'] },
    });
  });

  it('binds ? parameters in source order, binary values included', () => {
    const bytes = Uint8Array.from([1, 2]);
    expect(item("{'pk': ?, 'b': ?, 'bs': ?, 'n': ?}", [{ S: 'k' }, { B: bytes }, { BS: [bytes] }, { N: '01.0' }])).toEqual({
      pk: { S: 'k' },
      b: { B: bytes },
      bs: { BS: [bytes] },
      n: { N: '1' },
    });
  });

  it('keeps an attribute named __proto__ as data', () => {
    const it = item("{'pk': 'a', '__proto__': 1}");
    expect(Object.keys(it)).toEqual(['pk', '__proto__']);
    expect(Object.getPrototypeOf(it)).toBe(Object.prototype);
  });
});

describe('PartiQL names, keywords and comments', () => {
  it('reads keywords in any case and names as written', () => {
    const plan = as(compile(`select "Pk", data from "H" where pk = 'a' and Data <> 'x'`), 'select');
    expect(plan.projection).toEqual([['Pk'], ['data']]);
    expect(plan.filterAttributes).toEqual(['pk', 'Data']);
  });

  it('unquotes "" inside a quoted name', () => {
    const plan = as(compile(`SELECT "a""b" FROM "H"`), 'select');
    expect(plan.projection).toEqual([['a"b']]);
  });

  it('reads nested paths: .name, ."quoted", [index] and [\'key\']', () => {
    const plan = as(compile(`SELECT a.b[2]."c d"['e'] FROM "H"`), 'select');
    expect(plan.projection).toEqual([['a', 'b', 2, 'c d', 'e']]);
  });

  it('skips -- and /* */ comments anywhere (captured: they leave the WHERE clause in force)', () => {
    const plan = as(compile(`-- first\nSELECT * FROM "H" /* between */ -- a note\nWHERE pk = 'b' -- last`), 'select');
    expect(plan.keyBranches).toEqual([[{ attribute: 'pk', op: 'EQ', values: [{ S: 'b' }] }]]);
  });

  it('reads exponent numbers like the numbers they denote (captured)', () => {
    for (const literal of ['7.31e6', '7.31E6', '7.31e+6', '731e4', '73100000e-1']) {
      const plan = as(compile(`SELECT * FROM "N" WHERE pk = ${literal}`), 'select');
      expect(plan.keyBranches, literal).toEqual([[{ attribute: 'pk', op: 'EQ', values: [{ N: '7310000' }] }]]);
    }
    const negative = as(compile('SELECT * FROM "N" WHERE pk = -.73e1'), 'select');
    expect(negative.keyBranches).toEqual([[{ attribute: 'pk', op: 'EQ', values: [{ N: '-7.3' }] }]]);
  });
});

describe('PartiQL WHERE clauses', () => {
  const it1: Item = {
    pk: { S: 'k' },
    ss: { SS: ['a', 'b', 'c'] },
    s: { S: 'str' },
    m: { M: { sub: { S: 'x' } } },
    nul: { NULL: true },
    flag: { BOOL: true },
    n: { N: '5' },
    l: { L: [{ S: 'a' }, { N: '2' }] },
  };

  it.each([
    ["pk = 'k'", true],
    ["pk <> 'k'", false],
    ["pk != 'k'", false],
    ['n > 4 AND n <= 5', true],
    ['n BETWEEN 1 AND 4', false],
    ['n NOT BETWEEN 1 AND 4', true],
    ["s IN ['a', 'str']", true],
    ["s IN ('a', 'str')", true],
    ["s NOT IN ['str']", false],
    ['NOT n = 5 OR flag = true', true],
    ['NOT (n = 5 OR flag = true)', false],
    ['attribute_exists(ss)', true],
    ['ATTRIBUTE_EXISTS(ss)', true],
    ['attribute_exists("ss")', true],
    ['attribute_exists(nope)', false],
    ['attribute_not_exists(nope)', true],
    ['attribute_exists(ss) = true', true],
    ['attribute_exists(ss) = false', false],
    ['attribute_exists(m.sub)', true],
    ['attribute_exists(m.nope)', false],
    ['(attribute_exists(nope) OR attribute_exists(ss))', true],
    ['size(s) = 3', true],
    ['size(s) = 4', false],
    ["attribute_type(ss, 'SS')", true],
    ["attribute_type(ss, 'S')", false],
    ["begins_with(s, 'st')", true],
    ["BEGINS_WITH(s, 'x')", false],
    ["contains(ss, 'b')", true],
    ["contains(s, 'tr')", true],
    ['nul IS NULL', true],
    ['s IS NULL', false],
    ['s IS NOT NULL', true],
    ['nul IS NOT NULL', false],
    ['flag IS BOOL', true],
    ['flag IS BOOLEAN', true],
    ['s IS STRING', true],
    ['s IS BOOL', false],
    ['n IS NUMERIC', true],
    ['m IS STRUCT', true],
    ['l IS LIST', true],
    ['kind IS MISSING', true],
    ['s IS MISSING', false],
    ['s IS NOT MISSING', true],
    ['l[1] = 2', true],
    ["l[0] = 'a' AND m.sub = 'x'", true],
    ["m = {'sub': 'x'}", true],
    ["ss = <<'c', 'a', 'b'>>", true],
    ["l = ['a', 2]", true],
    ["l = [2, 'a']", false],
  ])('%s → %s', (where, expected) => {
    expect(holds(where, it1)).toBe(expected);
  });

  it('compares with parameters of any type', () => {
    expect(holds('ss = ?', it1, [{ SS: ['b', 'c', 'a'] }])).toBe(true);
    expect(holds('m <> ?', it1, [{ M: { sub: { S: 'y' } } }])).toBe(true);
    expect(holds('s < ?', it1, [{ N: '5' }])).toBe(false);
  });
});
