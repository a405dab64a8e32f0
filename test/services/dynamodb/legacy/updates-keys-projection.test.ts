/**
 * AttributeUpdates through applyAttributeUpdates/applyUpdate, KeyConditions resolved for Query,
 * AttributesToGet through projectItem, and compileLegacyParameters' result per operation.
 */
import { describe, expect, it } from 'vitest';
import type {
  AttributeValueUpdate,
  GetItemInput,
  KeysAndAttributes,
  QueryInput,
  ScanInput,
  UpdateItemInput,
} from '../../../../src/services/dynamodb/generated/types.js';
import type { Item } from '../../../../src/services/dynamodb/domain/types.js';
import { applyUpdate, projectItem, toSortKeyRange, updatedTopLevelAttributes } from '../../../../src/services/dynamodb/domain/expressions/index.js';
import {
  applyAttributeUpdates,
  assertQueryFilterAvoidsKeys,
  checkExpressionMixing,
  compileAttributeUpdates,
  compileLegacyParameters,
  resolveKeyConditions,
} from '../../../../src/services/dynamodb/domain/legacy/index.js';
import { B, BS, HASH_A, L, M, N, NS, S, SN, SS, compileRequest, expectValidation } from './helpers.js';

const KEY: Item = { p: S('k') };
const TYPE_MISMATCH = 'Type mismatch for attribute to update';

const update = (updates: Record<string, AttributeValueUpdate>, item: Item | undefined): Item => applyAttributeUpdates(compileAttributeUpdates(updates), item, KEY);

const base = (): Item => ({ p: S('k'), n: N('10'), s: S('cat'), l: L(S('a')), ss: SS('a', 'b'), ns: NS('1', '2'), bs: BS([1]) });

describe('AttributeUpdates', () => {
  it('PUT (also the default action) writes the value', () => {
    expect(update({ s: { Action: 'PUT', Value: S('dog') }, x: { Value: M({ a: N('1') }) } }, base())).toEqual({ ...base(), s: S('dog'), x: M({ a: N('1') }) });
  });
  it('DELETE without a value removes the attribute; a missing one is fine', () => {
    const after = update({ s: { Action: 'DELETE' }, q: { Action: 'DELETE' } }, base());
    expect(after).toEqual({ p: S('k'), n: N('10'), l: L(S('a')), ss: SS('a', 'b'), ns: NS('1', '2'), bs: BS([1]) });
  });
  it('DELETE with a set takes its elements out; an emptied set disappears; a missing attribute is left alone', () => {
    const after = update({ ss: { Action: 'DELETE', Value: SS('a', 'z') }, ns: { Action: 'DELETE', Value: NS('1.0', '2') }, q: { Action: 'DELETE', Value: SS('a') } }, base());
    expect(after.ss).toEqual(SS('b'));
    expect(after).not.toHaveProperty('ns');
    expect(after).not.toHaveProperty('q');
  });
  it('ADD adds numbers exactly and unites sets', () => {
    const after = update({ n: { Action: 'ADD', Value: N('-0.5') }, ss: { Action: 'ADD', Value: SS('b', 'c') }, bs: { Action: 'ADD', Value: BS([2]) } }, base());
    expect(after.n).toEqual(N('9.5'));
    expect(after.ss).toEqual(SS('a', 'b', 'c'));
    expect(after.bs).toEqual(BS([1], [2]));
  });
  it('ADD to a missing attribute sets it', () => {
    expect(update({ c: { Action: 'ADD', Value: N('1') }, t: { Action: 'ADD', Value: NS('3') } }, base())).toMatchObject({ c: N('1'), t: NS('3') });
  });
  it('ADD of a list appends, or creates the list', () => {
    const after = update({ l: { Action: 'ADD', Value: L(S('b'), N('1')) }, nl: { Action: 'ADD', Value: L(S('x')) } }, base());
    expect(after.l).toEqual(L(S('a'), S('b'), N('1')));
    expect(after.nl).toEqual(L(S('x')));
  });
  it('an item that does not exist starts from its key', () => {
    expect(update({ c: { Action: 'ADD', Value: N('5') }, gone: { Action: 'DELETE' } }, undefined)).toEqual({ p: S('k'), c: N('5') });
  });
  it('the input item is not changed', () => {
    const item = base();
    update({ n: { Action: 'ADD', Value: N('1') }, l: { Action: 'ADD', Value: L(S('b')) } }, item);
    expect(item).toEqual(base());
  });
  it('ReturnValues UPDATED_* see the touched attributes', () => {
    expect(updatedTopLevelAttributes(compileAttributeUpdates({ a: { Value: S('x') }, b: { Action: 'DELETE' }, c: { Action: 'ADD', Value: L() } }))).toEqual(['a', 'b', 'c']);
  });

  // dynalite's "delete/add incorrect types" rows, recorded against DynamoDB (b SS, c N, d NS).
  const typed = (): Item => ({ p: S('k'), b: SS('1'), c: N('1'), d: NS('1') });
  const clashes: [string, Record<string, AttributeValueUpdate>][] = [
    ['DELETE an NS from an SS', { b: { Action: 'DELETE', Value: NS('1') } }],
    ['DELETE a BS from an SS', { b: { Action: 'DELETE', Value: BS([0x61]) } }],
    ['DELETE an NS from a number', { c: { Action: 'DELETE', Value: NS('1') } }],
    ['ADD an NS to an SS', { b: { Action: 'ADD', Value: NS('1') } }],
    ['ADD a number to an NS', { d: { Action: 'ADD', Value: N('1') } }],
  ];
  for (const [name, updates] of clashes) {
    it(`${name}: "${TYPE_MISMATCH}" (captured)`, () => expectValidation(() => update(updates, typed()), TYPE_MISMATCH));
  }
  it(`ADD a list to a number: "${TYPE_MISMATCH}"`, () => expectValidation(() => update({ c: { Action: 'ADD', Value: L(N('1')) } }, typed()), TYPE_MISMATCH));
  it('applyUpdate gives the same item (only the clash message differs)', () => {
    const u = compileAttributeUpdates({ n: { Action: 'ADD', Value: N('2') }, l: { Action: 'ADD', Value: L(B(1)) } });
    expect(applyUpdate(u, base(), KEY)).toEqual(applyAttributeUpdates(u, base(), KEY));
    expectValidation(() => applyUpdate(compileAttributeUpdates({ c: { Action: 'ADD', Value: NS('1') } }), typed(), KEY), 'An operand in the update expression has an incorrect data type');
  });
});

describe('KeyConditions', () => {
  const resolve = (keyConditions: Parameters<typeof compileRequest>[0]['KeyConditions']) => compileRequest({ KeyConditions: keyConditions }, 'Query', SN).keyCondition;

  it('the partition key alone', () => {
    expect(resolve({ p: { ComparisonOperator: 'EQ', AttributeValueList: [S('k')] } })).toEqual({ hashValue: S('k') });
  });
  it('a sort key range, values normalized, in the store shape', () => {
    const k = resolve({ c: { ComparisonOperator: 'BETWEEN', AttributeValueList: [N('4.0'), N('07')] }, p: { ComparisonOperator: 'EQ', AttributeValueList: [S('k')] } });
    expect(k).toEqual({ hashValue: S('k'), range: { op: 'BETWEEN', values: [N('4'), N('7')] } });
    expect(toSortKeyRange(k!.range!)).toEqual({ op: 'BETWEEN', low: N('4'), high: N('7') });
  });
  it.each(['EQ', 'LT', 'LE', 'GT', 'GE'] as const)('sort key %s', (op) => {
    const k = resolve({ p: { ComparisonOperator: 'EQ', AttributeValueList: [S('k')] }, c: { ComparisonOperator: op, AttributeValueList: [N('5')] } });
    expect(toSortKeyRange(k!.range!)).toEqual({ op, value: N('5') });
  });
  it('BEGINS_WITH on a string sort key', () => {
    const x = compileRequest({ KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [S('k')] }, b: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [S('00')] } } }, 'Query', { hash: { name: 'a', type: 'S' }, range: { name: 'b', type: 'S' } });
    expect(toSortKeyRange(x.keyCondition!.range!)).toEqual({ op: 'BEGINS_WITH', prefix: S('00') });
  });
  it('without the schema: checked conditions now, resolved later', () => {
    const input = { KeyConditions: { a: { ComparisonOperator: 'EQ' as const, AttributeValueList: [S('k')] } }, QueryFilter: { a: { ComparisonOperator: 'NOT_NULL' as const } } };
    const x = compileLegacyParameters(input, { operation: 'Query' });
    expect(x.keyCondition).toBeUndefined();
    expect(x.keyConditions).toEqual([{ attribute: 'a', op: 'EQ', values: [S('k')] }]);
    expect(resolveKeyConditions(x.keyConditions!, HASH_A)).toEqual({ hashValue: S('k') });
    expectValidation(() => assertQueryFilterAvoidsKeys(input.QueryFilter, HASH_A), 'QueryFilter can only contain non-primary key attributes: Primary key attribute: a');
  });
});

describe('AttributesToGet', () => {
  const ITEM: Item = { p: S('k'), a: S('A'), 'x.y': S('dotted'), m: M({ b: S('B') }) };
  it('projects top-level names literally, skipping missing ones', () => {
    const { projection } = compileRequest({ AttributesToGet: ['x.y', 'a', 'missing', 'm.b'] }, 'GetItem');
    expect(projection).toEqual([['x.y'], ['a'], ['missing'], ['m.b']]);
    expect(projectItem(projection!, ITEM)).toEqual({ 'x.y': S('dotted'), a: S('A') });
  });
  it('is the projection of Query, Scan and BatchGetItem too', () => {
    for (const operation of ['Scan', 'BatchGetItem'] as const) expect(compileRequest({ AttributesToGet: ['a'] }, operation).projection).toEqual([['a']]);
    expect(compileRequest({ AttributesToGet: ['a'], KeyConditions: { p: { ComparisonOperator: 'EQ', AttributeValueList: [S('k')] } } }, 'Query', SN).projection).toEqual([['a']]);
  });
});

describe('compileLegacyParameters: what each operation takes', () => {
  const all = {
    Expected: { a: { Exists: false } },
    AttributeUpdates: { b: { Value: S('x') } },
    AttributesToGet: ['c'],
    ScanFilter: { d: { ComparisonOperator: 'NOT_NULL' as const } },
  };
  it('ignores members the operation does not have', () => {
    expect(Object.keys(compileLegacyParameters(all, { operation: 'PutItem' }))).toEqual(['condition']);
    expect(Object.keys(compileLegacyParameters(all, { operation: 'UpdateItem' })).sort()).toEqual(['condition', 'update']);
    expect(Object.keys(compileLegacyParameters(all, { operation: 'GetItem' }))).toEqual(['projection']);
    expect(Object.keys(compileLegacyParameters(all, { operation: 'Scan' })).sort()).toEqual(['filter', 'projection']);
  });
  it('returns nothing for a request without legacy members', () => {
    expect(compileLegacyParameters({}, { operation: 'UpdateItem' })).toEqual({});
    expect(compileLegacyParameters({ KeyConditionExpression: 'p = :p' }, { operation: 'Query' })).toEqual({});
  });
});

describe('the generated request types fit the entry points', () => {
  it('GetItem, UpdateItem, Query, Scan and BatchGetItem inputs', () => {
    const get: GetItemInput = { TableName: 't', Key: KEY, AttributesToGet: ['a'] };
    const upd: UpdateItemInput = { TableName: 't', Key: KEY, AttributeUpdates: { a: { Action: 'ADD', Value: N('1') } }, Expected: { a: { Exists: false } } };
    const query: QueryInput = { TableName: 't', KeyConditions: { p: { ComparisonOperator: 'EQ', AttributeValueList: [S('k')] } }, QueryFilter: { a: { ComparisonOperator: 'NULL' } } };
    const scan: ScanInput = { TableName: 't', ScanFilter: { a: { ComparisonOperator: 'NOT_NULL' } } };
    const batch: KeysAndAttributes = { Keys: [KEY], AttributesToGet: ['a'] };
    checkExpressionMixing(get, 'GetItem');
    checkExpressionMixing(upd, 'UpdateItem');
    checkExpressionMixing(query, 'Query');
    checkExpressionMixing(scan, 'Scan');
    checkExpressionMixing(batch, 'BatchGetItem');
    expect(compileLegacyParameters(get, { operation: 'GetItem' }).projection).toEqual([['a']]);
    expect(compileLegacyParameters(upd, { operation: 'UpdateItem', keySchema: { hash: { name: 'p', type: 'S' } } }).update?.actions).toHaveLength(1);
    expect(compileLegacyParameters(query, { operation: 'Query', keySchema: SN }).keyCondition).toEqual({ hashValue: S('k') });
    expect(compileLegacyParameters(scan, { operation: 'Scan' }).filter?.kind).toBe('attribute_exists');
    expect(compileLegacyParameters(batch, { operation: 'BatchGetItem' }).projection).toEqual([['a']]);
  });
});
