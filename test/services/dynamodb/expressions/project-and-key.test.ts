/** ProjectionExpression shapes, key condition resolution, and expressions DynamoDB accepts. */
import { describe, expect, it } from 'vitest';
import type { AttributeValue, Item } from '../../../../src/services/dynamodb/domain/types.js';
import {
  compileRequestExpressions,
  isReservedWord,
  projectItem,
  RESERVED_WORDS,
  resolveKeyCondition,
  toSortKeyRange,
} from '../../../../src/services/dynamodb/domain/expressions/index.js';
import { COMPOSITE, COMPOSITE_N, HASH, L, M, N, S } from './helpers.js';

const ITEM: Item = {
  pk: S('k'),
  a: S('A'),
  s: S('str'),
  l: L(M({ a: N('1'), b: N('2'), c: N('3') }), S('l1'), S('l2')),
  g: L(L(S('g00'), S('g01')), L(S('g10'))),
  m: M({ keep: S('k'), deep: M({ v: N('5'), w: N('6') }) }),
  'x.y': S('dotted'),
};

function project(expression: string, names?: Record<string, string>): Item {
  const { projection } = compileRequestExpressions({ ProjectionExpression: expression, ExpressionAttributeNames: names });
  return projectItem(projection!, ITEM);
}

describe('projectItem', () => {
  it('picks top-level attributes and leaves out missing ones', () => {
    expect(project('a, absent, s')).toEqual({ a: S('A'), s: S('str') });
  });

  it('keeps the nesting of map paths and merges siblings', () => {
    expect(project('m.deep.v, m.keep')).toEqual({ m: M({ deep: M({ v: N('5') }), keep: S('k') }) });
  });

  it('returns requested list elements compacted, in index order', () => {
    expect(project('l[2], l[1]')).toEqual({ l: L(S('l1'), S('l2')) });
    expect(project('g[1][0], g[0][1]')).toEqual({ g: L(L(S('g01')), L(S('g10'))) });
  });

  it('merges several paths below one list element into that element', () => {
    expect(project('l[0].a, l[0].c')).toEqual({ l: L(M({ a: N('1'), c: N('3') })) });
  });

  it('leaves out paths that cross a missing step or a value of the wrong kind', () => {
    expect(project('l[7], s.x, m.deep[0], absent.b')).toEqual({});
    expect(project('m.deep.v, m.absent')).toEqual({ m: M({ deep: M({ v: N('5') }) }) });
  });

  it('takes a placeholder as one name, dots and all', () => {
    expect(project('#xy', { '#xy': 'x.y' })).toEqual({ 'x.y': S('dotted') });
  });
});

describe('key conditions', () => {
  const keyCondition = (expression: string, values: Record<string, AttributeValue>, keySchema = COMPOSITE, names?: Record<string, string>) =>
    compileRequestExpressions({ KeyConditionExpression: expression, ExpressionAttributeValues: values, ExpressionAttributeNames: names }, { keySchema }).keyCondition;

  it('resolves the partition key alone', () => {
    expect(keyCondition('pk = :p', { ':p': S('k') }, HASH)).toEqual({ hashValue: S('k') });
    expect(keyCondition('pk = :p', { ':p': S('k') })).toEqual({ hashValue: S('k') });
  });

  it('resolves each sort key operator', () => {
    const p = { ':p': S('k') };
    expect(keyCondition('pk = :p AND sk = :v', { ...p, ':v': S('x') })?.range).toEqual({ op: 'EQ', values: [S('x')] });
    expect(keyCondition('pk = :p AND sk < :v', { ...p, ':v': S('x') })?.range).toEqual({ op: 'LT', values: [S('x')] });
    expect(keyCondition('pk = :p AND sk <= :v', { ...p, ':v': S('x') })?.range).toEqual({ op: 'LE', values: [S('x')] });
    expect(keyCondition('pk = :p AND sk > :v', { ...p, ':v': S('x') })?.range).toEqual({ op: 'GT', values: [S('x')] });
    expect(keyCondition('pk = :p AND sk >= :v', { ...p, ':v': S('x') })?.range).toEqual({ op: 'GE', values: [S('x')] });
    expect(keyCondition('pk = :p AND begins_with(sk, :v)', { ...p, ':v': S('x') })?.range).toEqual({ op: 'BEGINS_WITH', values: [S('x')] });
    expect(keyCondition('pk = :p AnD sk BeTwEeN :a aNd :b', { ...p, ':a': N('1'), ':b': N('1e1') }, COMPOSITE_N)?.range).toEqual({
      op: 'BETWEEN',
      values: [N('1'), N('10')],
    });
  });

  it('accepts the value first and the conditions in either order, flipping the operator', () => {
    expect(keyCondition(':lo <= sk AND :p = pk', { ':p': S('k'), ':lo': S('a') })).toEqual({ hashValue: S('k'), range: { op: 'GE', values: [S('a')] } });
    expect(keyCondition(':v > sk AND pk = :p', { ':p': S('k'), ':v': S('a') })?.range).toEqual({ op: 'LT', values: [S('a')] });
  });

  it('accepts parentheses DynamoDB accepts', () => {
    const values = { ':pk': S('k'), ':sk': S('1') };
    const names = { '#pk': 'pk', '#sk': 'sk' };
    for (const expression of ['(#pk = :pk) AND (#sk = :sk)', '(#pk = :pk AND #sk = :sk)', '((#pk = :pk)) AND ((#sk = :sk))', '((#sk = :sk) AND (#pk = :pk))']) {
      expect(keyCondition(expression, values, COMPOSITE, names)).toEqual({ hashValue: S('k'), range: { op: 'EQ', values: [S('1')] } });
    }
  });

  it("converts to the store's sort key shape", () => {
    expect(toSortKeyRange({ op: 'BETWEEN', values: [N('1'), N('2')] })).toEqual({ op: 'BETWEEN', low: N('1'), high: N('2') });
    expect(toSortKeyRange({ op: 'BEGINS_WITH', values: [S('a')] })).toEqual({ op: 'BEGINS_WITH', prefix: S('a') });
    expect(toSortKeyRange({ op: 'GE', values: [S('a')] })).toEqual({ op: 'GE', value: S('a') });
  });

  it('can be resolved later, after the table is known', () => {
    const x = compileRequestExpressions({ KeyConditionExpression: 'sk > :v AND pk = :p', ExpressionAttributeValues: { ':p': S('k'), ':v': N('3') } });
    expect(x.keyCondition).toBeUndefined();
    expect(x.keyConditionParts).toEqual([
      { attribute: 'sk', op: 'GT', values: [N('3')] },
      { attribute: 'pk', op: 'EQ', values: [S('k')] },
    ]);
    expect(resolveKeyCondition(x.keyConditionParts!, COMPOSITE_N)).toEqual({ hashValue: S('k'), range: { op: 'GT', values: [N('3')] } });
  });
});

describe('expressions DynamoDB accepts', () => {
  it('parenthesised conditions, one pair per level', () => {
    for (const ConditionExpression of [
      '(attribute_not_exists(pk)) AND (attribute_not_exists(#s))',
      '(attribute_not_exists(pk) AND attribute_not_exists(#s))',
      '(attribute_not_exists(pk) AND (attribute_not_exists(#s)))',
      'NOT (attribute_exists(#s))',
    ]) {
      expect(() => compileRequestExpressions({ ConditionExpression, ExpressionAttributeNames: { '#s': 'status' } }), ConditionExpression).not.toThrow();
    }
  });

  it('whitespace anywhere between tokens, keywords in any case', () => {
    const x = compileRequestExpressions({
      UpdateExpression: '  set a . b [ 1 ] = :v remove c  ADD d :n delete e :s ',
      ExpressionAttributeValues: { ':v': S('x'), ':n': N('1'), ':s': { SS: ['a'] } },
    });
    expect(x.update?.actions.map((a) => [a.action, a.path])).toEqual([
      ['SET', ['a', 'b', 1]],
      ['REMOVE', ['c']],
      ['ADD', ['d']],
      ['DELETE', ['e']],
    ]);
  });

  it('placeholders shared by several expressions of one request', () => {
    const x = compileRequestExpressions(
      {
        UpdateExpression: 'SET #v = :v',
        ConditionExpression: '#v <> :v AND attribute_exists(#k)',
        ExpressionAttributeNames: { '#v': 'value', '#k': 'pk' },
        ExpressionAttributeValues: { ':v': N('1') },
      },
      { keySchema: HASH },
    );
    expect(x.update?.actions).toHaveLength(1);
    expect(x.condition?.kind).toBe('and');
  });

  it('the same text again, with other values and names (texts are parsed once and remembered)', () => {
    const compile = (value: AttributeValue, name: string) =>
      compileRequestExpressions({ ConditionExpression: '#n = :v', ExpressionAttributeNames: { '#n': name }, ExpressionAttributeValues: { ':v': value } }).condition;
    expect(compile(S('one'), 'a')).toEqual({ kind: 'compare', op: '=', left: { kind: 'path', path: ['a'] }, right: { kind: 'value', value: S('one') } });
    expect(compile(N('2'), 'b')).toEqual({ kind: 'compare', op: '=', left: { kind: 'path', path: ['b'] }, right: { kind: 'value', value: N('2') } });
    for (let i = 0; i < 2; i++) expect(() => compileRequestExpressions({ ConditionExpression: '((a = b))' })).toThrow('redundant parentheses');
  });

  it('a path 32 levels deep', () => {
    expect(() => compileRequestExpressions({ ProjectionExpression: `a${'.b'.repeat(31)}` })).not.toThrow();
  });
});

describe('reserved words', () => {
  it("hold DynamoDB's whole list, case-insensitively", () => {
    expect(RESERVED_WORDS.size).toBe(573);
    for (const w of ['abort', 'Status', 'NAME', 'zone', 'flattern', 'ttl']) expect(isReservedWord(w), w).toBe(true);
    for (const w of ['attribute_exists', 'pk', 'color', 'names_']) expect(isReservedWord(w), w).toBe(false);
  });
});
