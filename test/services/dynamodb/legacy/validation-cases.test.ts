/**
 * Legacy parameters, table-driven: each row is a request and DynamoDB's exact answer.
 * Mixing rules, Expected, ConditionalOperator, AttributesToGet, AttributeUpdates.
 * (QueryFilter, ScanFilter and KeyConditions: validation-cases-conditions.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { AttributeValueUpdate, Condition, ExpectedAttributeValue } from '../../../../src/services/dynamodb/generated/types.js';
import { B, BOOL, HASH_A, L, M, N, NS, NULL, RANGE_AB, S, SS, compileRequest, runCase, type ValidationCase } from './helpers.js';

const MIXED = 'Can not use both expression and non-expression parameters in the same request: ';
const INVALID = 'One or more parameter values were invalid: ';
const eq = (...values: ReturnType<typeof S>[]): ExpectedAttributeValue & Condition => ({ ComparisonOperator: 'EQ', AttributeValueList: values });

const cases: ValidationCase[] = [
  // ---- Mixing legacy and expression parameters ----
  { src: 'captured', name: 'UpdateItem: both families, both lists in order', operation: 'UpdateItem', input: { Expected: { a: {} }, AttributeUpdates: {}, ExpressionAttributeNames: {}, ExpressionAttributeValues: {}, ConditionExpression: '', UpdateExpression: '' }, message: `${MIXED}Non-expression parameters: {AttributeUpdates, Expected} Expression parameters: {UpdateExpression, ConditionExpression}` },
  { src: 'captured', name: 'Query: every member of both families', operation: 'Query', input: { AttributesToGet: ['a', 'a'], QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } }, ConditionalOperator: 'OR', KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } }, ProjectionExpression: '', FilterExpression: '', KeyConditionExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {} }, message: `${MIXED}Non-expression parameters: {AttributesToGet, QueryFilter, ConditionalOperator, KeyConditions} Expression parameters: {ProjectionExpression, FilterExpression, KeyConditionExpression}` },
  { src: 'captured', name: 'Query: KeyConditions is not listed without KeyConditionExpression', operation: 'Query', input: { QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } }, AttributesToGet: ['a', 'a'], KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } }, ConditionalOperator: 'OR', FilterExpression: '', ProjectionExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {} }, message: `${MIXED}Non-expression parameters: {AttributesToGet, QueryFilter, ConditionalOperator} Expression parameters: {ProjectionExpression, FilterExpression}` },
  { src: 'captured', name: 'Query: without KeyConditions', operation: 'Query', input: { QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } }, AttributesToGet: ['a', 'a'], ConditionalOperator: 'OR', KeyConditionExpression: '', FilterExpression: '', ProjectionExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {} }, message: `${MIXED}Non-expression parameters: {AttributesToGet, QueryFilter, ConditionalOperator} Expression parameters: {ProjectionExpression, FilterExpression, KeyConditionExpression}` },
  { src: 'captured', name: 'Query: QueryFilter with KeyConditionExpression', operation: 'Query', input: { KeyConditionExpression: 'Artist = :artist', QueryFilter: { Sold: { ComparisonOperator: 'GT', AttributeValueList: [N('1')] } }, ExpressionAttributeValues: { ':artist': S('Lady Gaga') } }, message: `${MIXED}Non-expression parameters: {QueryFilter} Expression parameters: {KeyConditionExpression}` },
  { src: 'captured', name: 'PutItem: Expected with ConditionExpression', operation: 'PutItem', input: { Expected: { pk: { Exists: false } }, ConditionExpression: 'attribute_not_exists(pk)' }, message: `${MIXED}Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}` },
  { src: 'derived', name: 'UpdateItem: AttributeUpdates with UpdateExpression', operation: 'UpdateItem', input: { AttributeUpdates: { a: { Value: S('x') } }, UpdateExpression: 'SET a = :v', ExpressionAttributeValues: { ':v': S('x') } }, message: `${MIXED}Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}` },
  { src: 'derived', name: 'UpdateItem: Expected with UpdateExpression', operation: 'UpdateItem', input: { Expected: { a: eq(N('1')) }, UpdateExpression: 'SET a = :v', ExpressionAttributeValues: { ':v': S('x') } }, message: `${MIXED}Non-expression parameters: {Expected} Expression parameters: {UpdateExpression}` },
  { src: 'derived', name: 'GetItem: AttributesToGet with ProjectionExpression', operation: 'GetItem', input: { AttributesToGet: ['a'], ProjectionExpression: 'a' }, message: `${MIXED}Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}` },
  { src: 'derived', name: 'Scan: ScanFilter and ConditionalOperator with FilterExpression', operation: 'Scan', input: { ScanFilter: {}, ConditionalOperator: 'AND', FilterExpression: 'a = :v', ExpressionAttributeValues: { ':v': S('x') } }, message: `${MIXED}Non-expression parameters: {ScanFilter, ConditionalOperator} Expression parameters: {FilterExpression}` },
  { src: 'derived', name: 'DeleteItem: ConditionalOperator alone counts', operation: 'DeleteItem', input: { ConditionalOperator: 'OR', ConditionExpression: 'a = :v', ExpressionAttributeValues: { ':v': S('x') } }, message: `${MIXED}Non-expression parameters: {ConditionalOperator} Expression parameters: {ConditionExpression}` },
  { src: 'captured', name: 'UpdateItem: names without expressions', operation: 'UpdateItem', input: { Expected: { a: {} }, ExpressionAttributeNames: {}, ExpressionAttributeValues: {} }, message: 'ExpressionAttributeNames can only be specified when using expressions' },
  { src: 'captured', name: 'UpdateItem: values without expressions', operation: 'UpdateItem', input: { Expected: { a: {} }, ExpressionAttributeValues: {} }, message: 'ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and ConditionExpression are null' },
  { src: 'captured', name: 'Query: names without expressions', operation: 'Query', input: { QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } }, AttributesToGet: ['a', 'a'], ConditionalOperator: 'OR', ExpressionAttributeNames: {}, ExpressionAttributeValues: {} }, message: 'ExpressionAttributeNames can only be specified when using expressions' },
  { src: 'captured', name: 'Query: values without expressions', operation: 'Query', input: { QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } }, AttributesToGet: ['a', 'a'], ConditionalOperator: 'OR', ExpressionAttributeValues: {} }, message: 'ExpressionAttributeValues can only be specified when using expressions: FilterExpression and KeyConditionExpression are null' },
  { src: 'derived', name: 'Query: values with only a projection', operation: 'Query', input: { KeyConditions: { a: eq(S('x')) }, ProjectionExpression: 'a', ExpressionAttributeValues: { ':v': S('x') } }, message: 'ExpressionAttributeValues can only be specified when using expressions: FilterExpression and KeyConditionExpression are null' },
  { src: 'derived', name: 'Scan: values without a filter', operation: 'Scan', input: { ScanFilter: {}, ExpressionAttributeValues: { ':v': S('x') } }, message: 'ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null' },
  { src: 'derived', name: 'PutItem: values without a condition', operation: 'PutItem', input: { Expected: {}, ExpressionAttributeValues: { ':v': S('x') } }, message: 'ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null' },
  { src: 'derived', name: 'GetItem: names without a projection', operation: 'GetItem', input: { AttributesToGet: ['a'], ExpressionAttributeNames: { '#a': 'a' } }, message: 'ExpressionAttributeNames can only be specified when using expressions' },

  // ---- Expected ----
  { src: 'captured', name: 'no Value and no Exists', operation: 'PutItem', input: { Expected: { a: {} } }, message: `${INVALID}Value must be provided when Exists is null for Attribute: a` },
  { src: 'captured', name: 'Exists true without Value', operation: 'DeleteItem', input: { Expected: { a: { Exists: true } } }, message: `${INVALID}Value must be provided when Exists is true for Attribute: a` },
  { src: 'captured', name: 'Exists false with Value', operation: 'PutItem', input: { Expected: { a: { Exists: false, Value: S('a') } } }, message: `${INVALID}Value cannot be used when Exists is false for Attribute: a` },
  { src: 'derived', name: 'Exists with ComparisonOperator', operation: 'UpdateItem', input: { Expected: { a: { Exists: false, ComparisonOperator: 'EQ', AttributeValueList: [N('3')] } } }, message: `${INVALID}Exists and ComparisonOperator cannot be used together for Attribute: a` },
  { src: 'derived', name: 'Value with AttributeValueList', operation: 'UpdateItem', input: { Expected: { a: { Value: N('3'), ComparisonOperator: 'EQ', AttributeValueList: [N('3')] } } }, message: `${INVALID}Value and AttributeValueList cannot be used together for Attribute: a` },
  { src: 'derived', name: 'Exists and operator reported before Value and list', operation: 'PutItem', input: { Expected: { a: { Exists: true, Value: N('3'), ComparisonOperator: 'EQ', AttributeValueList: [N('3')] } } }, message: `${INVALID}Exists and ComparisonOperator cannot be used together for Attribute: a` },
  { src: 'derived', name: 'AttributeValueList without an operator', operation: 'PutItem', input: { Expected: { a: { AttributeValueList: [N('3')] } } }, message: `${INVALID}AttributeValueList can only be used with a ComparisonOperator for Attribute: a` },
  { src: 'derived', name: 'operator without Value or list', operation: 'PutItem', input: { Expected: { a: { ComparisonOperator: 'GT' } } }, message: `${INVALID}Value or AttributeValueList must be used with ComparisonOperator: GT for Attribute: a` },
  { src: 'derived', name: 'operator with an empty list', operation: 'PutItem', input: { Expected: { a: { ComparisonOperator: 'EQ', AttributeValueList: [] } } }, message: `${INVALID}Invalid number of argument(s) for the EQ ComparisonOperator` },
  { src: 'derived', name: 'EQ with two values', operation: 'UpdateItem', input: { Expected: { a: eq(N('2'), N('3')) } }, message: `${INVALID}Invalid number of argument(s) for the EQ ComparisonOperator` },
  { src: 'derived', name: 'NULL with a Value (Value is the argument)', operation: 'UpdateItem', input: { Expected: { a: { ComparisonOperator: 'NULL', Value: N('2') } } }, message: `${INVALID}Invalid number of argument(s) for the NULL ComparisonOperator` },
  { src: 'derived', name: 'BEGINS_WITH a number', operation: 'UpdateItem', input: { Expected: { a: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [N('3')] } } }, message: `${INVALID}ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type` },
  { src: 'derived', name: 'CONTAINS a list', operation: 'UpdateItem', input: { Expected: { a: { ComparisonOperator: 'CONTAINS', AttributeValueList: [L(N('1'))] } } }, message: `${INVALID}ComparisonOperator CONTAINS is not valid for L AttributeValue type` },
  { src: 'derived', name: 'IN with mixed types', operation: 'UpdateItem', input: { Expected: { c: { ComparisonOperator: 'IN', AttributeValueList: [N('3'), S('dog')] } } }, message: `${INVALID}AttributeValues inside AttributeValueList must be of same type` },
  { src: 'derived', name: 'BETWEEN bounds reversed (numbers compared as numbers)', operation: 'UpdateItem', input: { Expected: { a: { ComparisonOperator: 'BETWEEN', AttributeValueList: [N('10'), N('9')] } } }, message: 'The BETWEEN condition was provided a range where the lower bound is greater than the upper bound' },
  { src: 'derived', name: 'BETWEEN sets', operation: 'UpdateItem', input: { Expected: { d: { ComparisonOperator: 'BETWEEN', AttributeValueList: [NS('1'), NS('2')] } } }, message: `${INVALID}ComparisonOperator BETWEEN is not valid for NS AttributeValue type` },
  { src: 'derived', name: 'invalid Value', operation: 'PutItem', input: { Expected: { a: { Value: SS() } } }, message: `${INVALID}An string set  may not be empty` },
  { src: 'derived', name: 'invalid value in the list, before the count', operation: 'PutItem', input: { Expected: { a: { ComparisonOperator: 'EQ', AttributeValueList: [N('1'), { N: 'x' }] } } }, message: 'The parameter cannot be converted to a numeric value: x' },
  { src: 'derived', name: 'attributes checked in the request order', operation: 'PutItem', input: { Expected: { a: { Value: S('x') }, b: {}, c: { Exists: true } } }, message: `${INVALID}Value must be provided when Exists is null for Attribute: b` },
  { src: 'derived', name: 'null entry', operation: 'PutItem', input: { Expected: { a: null as unknown as ExpectedAttributeValue } }, message: `${INVALID}ExpectedAttributeValue must not be null for Attribute: a` },

  // ---- ConditionalOperator with Expected ----
  { src: 'derived', name: 'ConditionalOperator with an empty Expected', operation: 'UpdateItem', input: { AttributeUpdates: { z: { Value: N('4'), Action: 'PUT' } }, Expected: {}, ConditionalOperator: 'OR' }, message: 'ConditionalOperator cannot be used without Filter or Expected' },
  { src: 'derived', name: 'ConditionalOperator without Expected', operation: 'PutItem', input: { ConditionalOperator: 'AND' }, message: 'ConditionalOperator cannot be used without Filter or Expected' },
  { src: 'derived', name: 'ConditionalOperator with one expectation', operation: 'DeleteItem', input: { Expected: { a: { Value: S('x') } }, ConditionalOperator: 'AND' }, message: 'ConditionalOperator can only be used when Filter or Expected has two or more elements' },
  { src: 'derived', name: 'an expectation error before ConditionalOperator', operation: 'DeleteItem', input: { Expected: { a: {} }, ConditionalOperator: 'AND' }, message: `${INVALID}Value must be provided when Exists is null for Attribute: a` },

  // ---- AttributesToGet ----
  { src: 'captured', name: 'GetItem duplicate', operation: 'GetItem', input: { AttributesToGet: ['a', 'a'] }, message: `${INVALID}Duplicate value in attribute name: a` },
  { src: 'captured', name: 'BatchGetItem duplicate', operation: 'BatchGetItem', input: { AttributesToGet: ['a', 'a'] }, message: `${INVALID}Duplicate value in attribute name: a` },
  { src: 'derived', name: 'first name listed twice is reported', operation: 'GetItem', input: { AttributesToGet: ['a', 'b', 'b', 'a'] }, message: `${INVALID}Duplicate value in attribute name: b` },

  // ---- AttributeUpdates ----
  { src: 'captured', name: 'PUT (default) without a value, before Expected', operation: 'UpdateItem', input: { Expected: { a: {} }, AttributeUpdates: { a: { x: 'whatever' } as unknown as AttributeValueUpdate } }, message: `${INVALID}Only DELETE action is allowed when no attribute value is specified` },
  { src: 'derived', name: 'ADD without a value', operation: 'UpdateItem', input: { AttributeUpdates: { a: { Action: 'ADD' } } }, message: `${INVALID}Only DELETE action is allowed when no attribute value is specified` },
  ...[S('1'), N('1'), B(0x62), NULL, BOOL(true), M({}), L()].map((value): ValidationCase => ({ src: 'captured', name: `DELETE with a ${Object.keys(value)[0]} value`, operation: 'UpdateItem', input: { AttributeUpdates: { a: { Action: 'DELETE', Value: value } } }, message: `${INVALID}DELETE action with value is not supported for the type ${Object.keys(value)[0]}` })),
  ...[S('1'), B(0x62), NULL, BOOL(true), M({})].map((value): ValidationCase => ({ src: 'captured', name: `ADD a ${Object.keys(value)[0]} value`, operation: 'UpdateItem', input: { AttributeUpdates: { a: { Action: 'ADD', Value: value } } }, message: `${INVALID}ADD action is not supported for the type ${Object.keys(value)[0]}` })),
  { src: 'derived', name: 'invalid value', operation: 'UpdateItem', input: { AttributeUpdates: { a: { Action: 'ADD', Value: NS('1', '1.0') } } }, message: 'Input collection contains duplicates' },
  { src: 'derived', name: 'null update', operation: 'UpdateItem', input: { AttributeUpdates: { a: null as unknown as AttributeValueUpdate } }, message: 'Supplied AttributeValueUpdate is empty, must contain one of the supported actions: a is null' },
  { src: 'derived', name: 'more than 400 KB written', operation: 'UpdateItem', input: { AttributeUpdates: { a: { Value: S('x'.repeat(300_000)) }, b: { Action: 'DELETE', Value: SS('y'.repeat(300_000)) }, c: { Value: S('z'.repeat(110_000)) } } }, message: 'Item size to update has exceeded the maximum allowed size' },
  { src: 'captured', name: 'updating the partition key', operation: 'UpdateItem', keySchema: HASH_A, input: { AttributeUpdates: { a: { Value: S('new') } } }, message: `${INVALID}Cannot update attribute a. This attribute is part of the key` },
  { src: 'captured', name: 'updating the sort key', operation: 'UpdateItem', keySchema: RANGE_AB, input: { AttributeUpdates: { d: { Value: N('1') }, b: { Value: S('x') } } }, message: `${INVALID}Cannot update attribute b. This attribute is part of the key` },
  { src: 'derived', name: 'removing a key attribute', operation: 'UpdateItem', keySchema: RANGE_AB, input: { AttributeUpdates: { a: { Action: 'DELETE' } } }, message: `${INVALID}Cannot update attribute a. This attribute is part of the key` },
  { src: 'derived', name: 'key attributes checked after Expected', operation: 'UpdateItem', keySchema: HASH_A, input: { AttributeUpdates: { a: { Value: S('new') } }, Expected: { x: {} } }, message: `${INVALID}Value must be provided when Exists is null for Attribute: x` },
];

describe('legacy parameter validation', () => {
  for (const c of cases) it(`${c.name} (${c.src})`, () => runCase(c));
});

describe('requests DynamoDB accepts', () => {
  it('an empty Expected is no condition', () => {
    expect(compileRequest({ Expected: {}, AttributeUpdates: { z: { Value: N('3'), Action: 'PUT' } } }, 'UpdateItem').condition).toBeUndefined();
  });
  it('KeyConditions beside a FilterExpression and a ProjectionExpression', () => {
    const x = compileRequest({ KeyConditions: { a: eq(S('k')) }, FilterExpression: 'b = :v', ProjectionExpression: 'b', ExpressionAttributeValues: { ':v': S('x') } }, 'Query', HASH_A);
    expect(x.keyCondition).toEqual({ hashValue: S('k') });
  });
  it('ConditionalOperator with two expectations', () => {
    expect(compileRequest({ Expected: { a: { Value: S('x') }, b: { Exists: false } }, ConditionalOperator: 'OR' }, 'PutItem').condition?.kind).toBe('or');
  });
  it('writing up to 400 KB, DELETE values not counted', () => {
    const x = compileRequest({ AttributeUpdates: { a: { Value: S('x'.repeat(300_000)) }, b: { Action: 'DELETE', Value: SS('y'.repeat(300_000)) } } }, 'UpdateItem');
    expect(x.update?.actions.map((a) => a.action)).toEqual(['SET', 'DELETE']);
  });
});
