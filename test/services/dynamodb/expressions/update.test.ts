/** UpdateExpression semantics: applyUpdate on items, and the runtime errors DynamoDB answers. */
import { describe, expect, it } from 'vitest';
import type { AttributeValue, Item } from '../../../../src/services/dynamodb/domain/types.js';
import {
  applyUpdate,
  compileRequestExpressions,
  projectItem,
  updatedPaths,
  updatedTopLevelAttributes,
} from '../../../../src/services/dynamodb/domain/expressions/index.js';
import { L, M, N, S, expectValidation } from './helpers.js';

const KEY: Item = { pk: S('k') };
const MISSING = 'The provided expression refers to an attribute that does not exist in the item';
const WRONG_TYPE = 'An operand in the update expression has an incorrect data type';
const INVALID_PATH = 'The document path provided in the update expression is invalid for update';

function compile(expression: string, values?: Record<string, AttributeValue>) {
  return compileRequestExpressions({ UpdateExpression: expression, ExpressionAttributeValues: values }).update!;
}

function update(expression: string, item: Item | undefined, values?: Record<string, AttributeValue>): Item {
  return applyUpdate(compile(expression, values), item, KEY);
}

const base = (): Item => ({
  pk: S('k'),
  n: N('10'),
  s: S('cat'),
  l: L(S('a'), S('b'), S('c')),
  m: M({ keep: S('k'), deep: M({ v: N('5') }) }),
  ss: { SS: ['a', 'b'] },
  ns: { NS: ['1', '2.5'] },
});

describe('applyUpdate: SET', () => {
  it('creates the item from its key when it does not exist', () => {
    expect(update('SET a = :v', undefined, { ':v': S('x') })).toEqual({ pk: S('k'), a: S('x') });
  });

  it('reads every right-hand side from the item before the update (a swap works)', () => {
    expect(update('SET a = b, b = a', { pk: S('k'), a: N('1'), b: N('2') })).toEqual({ pk: S('k'), a: N('2'), b: N('1') });
  });

  it('adds and subtracts exactly', () => {
    expect(update('SET n = n + :v', base(), { ':v': N('0.5') }).n).toEqual(N('10.5'));
    expect(update('SET x = :a + :b', base(), { ':a': N('0.1'), ':b': N('0.2') }).x).toEqual(N('0.3'));
    expect(update('SET n = :v - n', base(), { ':v': N('1') }).n).toEqual(N('-9'));
  });

  it('counts with if_not_exists', () => {
    const counter = 'SET c = if_not_exists(c, :zero) + :one';
    const values = { ':zero': N('0'), ':one': N('1') };
    const first = update(counter, undefined, values);
    expect(first.c).toEqual(N('1'));
    expect(update(counter, first, values).c).toEqual(N('2'));
  });

  it('appends and prepends with list_append', () => {
    expect(update('SET l = list_append(l, :v)', base(), { ':v': L(S('d')) }).l).toEqual(L(S('a'), S('b'), S('c'), S('d')));
    expect(update('SET l = list_append(:v, l)', base(), { ':v': L(S('z')) }).l).toEqual(L(S('z'), S('a'), S('b'), S('c')));
    expect(update('SET q = list_append(if_not_exists(q, :empty), :v)', base(), { ':empty': L(), ':v': L(N('1')) }).q).toEqual(L(N('1')));
  });

  it('writes list elements by index; past the end appends, in index order', () => {
    expect(update('SET l[1] = :v', base(), { ':v': S('x') }).l).toEqual(L(S('a'), S('x'), S('c')));
    expect(update('SET l[5] = :v', base(), { ':v': S('x') }).l).toEqual(L(S('a'), S('b'), S('c'), S('x')));
    expect(update('SET l[9] = :y, l[7] = :x', base(), { ':x': S('x'), ':y': S('y') }).l).toEqual(L(S('a'), S('b'), S('c'), S('x'), S('y')));
    expect(update('SET e[0] = :v', { pk: S('k'), e: L() }, { ':v': S('first') }).e).toEqual(L(S('first')));
  });

  it('writes into existing maps and keeps their other members', () => {
    const out = update('SET m.added = :v, m.deep.v = :w', base(), { ':v': S('x'), ':w': N('6') });
    expect(out.m).toEqual(M({ keep: S('k'), deep: M({ v: N('6') }), added: S('x') }));
  });

  it('refuses paths whose parent is missing or of the wrong kind', () => {
    const v = { ':v': S('x') };
    expectValidation(() => update('SET absent.b = :v', base(), v), INVALID_PATH);
    expectValidation(() => update('SET absent[1] = :v', undefined, v), INVALID_PATH);
    expectValidation(() => update('SET s.b = :v', base(), v), INVALID_PATH);
    expectValidation(() => update('SET l.x = :v', base(), v), INVALID_PATH);
    expectValidation(() => update('SET m[0] = :v', base(), v), INVALID_PATH);
  });

  it('refuses missing operands and wrong types', () => {
    expectValidation(() => update('SET a = absent + :v', base(), { ':v': N('1') }), MISSING);
    expectValidation(() => update('SET a = absent', base()), MISSING);
    expectValidation(() => update('SET a = list_append(absent, :v)', base(), { ':v': L() }), MISSING);
    expectValidation(() => update('SET a = s + :v', base(), { ':v': N('1') }), WRONG_TYPE);
    expectValidation(() => update('SET a = list_append(n, :v)', base(), { ':v': L() }), WRONG_TYPE);
  });

  it('propagates number range errors', () => {
    expectValidation(
      () => update('SET n = n + n', { pk: S('k'), n: N('9e125') }),
      'Number overflow. Attempting to store a number with magnitude larger than supported range',
    );
  });

  it('leaves the input item unchanged', () => {
    const item = base();
    const before = structuredClone(item);
    update('SET m.deep.v = :v, l[0] = :s REMOVE ss ADD n :v', item, { ':v': N('1'), ':s': S('z') });
    expect(item).toEqual(before);
  });
});

describe('applyUpdate: REMOVE', () => {
  it('removes attributes, map members and list elements (shifting the rest)', () => {
    const out = update('REMOVE s, m.deep.v, l[1]', base());
    expect(out.s).toBeUndefined();
    expect(out.m).toEqual(M({ keep: S('k'), deep: M({}) }));
    expect(out.l).toEqual(L(S('a'), S('c')));
  });

  it('removes by the original indexes', () => {
    const item = { pk: S('k'), l: L(S('a'), S('b'), S('c'), S('d')) };
    expect(update('REMOVE l[0], l[2]', item).l).toEqual(L(S('b'), S('d')));
    expect(update('SET l[1] = :x REMOVE l[0]', item, { ':x': S('x') }).l).toEqual(L(S('x'), S('c'), S('d')));
    expect(update('SET l[9] = :x REMOVE l[3]', item, { ':x': S('x') }).l).toEqual(L(S('a'), S('b'), S('c'), S('x')));
    expect(update('SET l[9] = :x REMOVE l[4]', item, { ':x': S('x') }).l).toEqual(L(S('a'), S('b'), S('c'), S('d'), S('x')));
  });

  it('ignores what is not there, below an existing parent', () => {
    expect(update('REMOVE absent, m.absent, l[10]', base())).toEqual(base());
  });

  it('refuses a path whose parent is missing or not a container', () => {
    expectValidation(() => update('REMOVE absent.a', base()), INVALID_PATH);
    expectValidation(() => update('REMOVE s.a', base()), INVALID_PATH);
    expectValidation(() => update('REMOVE m[1]', base()), INVALID_PATH);
  });
});

describe('applyUpdate: ADD and DELETE', () => {
  it('ADD adds to numbers and creates missing numbers and sets', () => {
    expect(update('ADD n :v', base(), { ':v': N('-2.5') }).n).toEqual(N('7.5'));
    expect(update('ADD c :v', undefined, { ':v': N('5') }).c).toEqual(N('5'));
    expect(update('ADD m.c :v', base(), { ':v': N('5') }).m?.M?.c).toEqual(N('5'));
    expect(update('ADD t :v', base(), { ':v': { SS: ['x'] } }).t).toEqual({ SS: ['x'] });
  });

  it('ADD unions sets of the same type', () => {
    expect(update('ADD ss :v', base(), { ':v': { SS: ['b', 'c'] } }).ss).toEqual({ SS: ['a', 'b', 'c'] });
    expect(update('ADD ns :v', base(), { ':v': { NS: ['2.50', '3'] } }).ns).toEqual({ NS: ['1', '2.5', '3'] });
  });

  it('ADD refuses mismatched types and bad parents', () => {
    expectValidation(() => update('ADD n :v', base(), { ':v': { SS: ['x'] } }), WRONG_TYPE);
    expectValidation(() => update('ADD ss :v', base(), { ':v': { NS: ['1'] } }), WRONG_TYPE);
    expectValidation(() => update('ADD s :v', base(), { ':v': N('1') }), WRONG_TYPE);
    expectValidation(() => update('ADD absent.x :v', base(), { ':v': N('1') }), INVALID_PATH);
  });

  it('DELETE removes set elements and drops a set left empty', () => {
    expect(update('DELETE ss :v', base(), { ':v': { SS: ['a', 'z'] } }).ss).toEqual({ SS: ['b'] });
    expect(update('DELETE ns :v', base(), { ':v': { NS: ['2.50'] } }).ns).toEqual({ NS: ['1'] });
    expect('ss' in update('DELETE ss :v', base(), { ':v': { SS: ['a', 'b'] } })).toBe(false);
    expect(update('DELETE absent :v', base(), { ':v': { SS: ['a'] } })).toEqual(base());
  });

  it('DELETE refuses mismatched types and bad parents', () => {
    expectValidation(() => update('DELETE ss :v', base(), { ':v': { NS: ['1'] } }), WRONG_TYPE);
    expectValidation(() => update('DELETE n :v', base(), { ':v': { NS: ['1'] } }), WRONG_TYPE);
    expectValidation(() => update('DELETE s.x :v', base(), { ':v': { SS: ['a'] } }), INVALID_PATH);
  });
});

describe('what an update touched', () => {
  it('lists top-level attributes once, in first-touched order', () => {
    const u = compile('SET a.b = :v, c = :v REMOVE a.c ADD d :n', { ':v': S('x'), ':n': N('1') });
    expect(updatedTopLevelAttributes(u)).toEqual(['a', 'c', 'd']);
  });

  it('projects UPDATED_OLD as only the nested part that changed', () => {
    const item: Item = { pk: S('k'), a: M({ b: S('hi'), c: L(N('1'), N('2')) }), d: S('cat') };
    const u = compile('SET a.b = :v', { ':v': S('yo') });
    expect(projectItem(updatedPaths(u), item)).toEqual({ a: M({ b: S('hi') }) });
    expect(projectItem(updatedPaths(u), applyUpdate(u, item, KEY))).toEqual({ a: M({ b: S('yo') }) });
  });
});
