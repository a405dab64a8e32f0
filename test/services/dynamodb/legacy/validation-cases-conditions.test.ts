/**
 * QueryFilter, ScanFilter and KeyConditions, table-driven: each row is a request and DynamoDB's
 * exact answer. Most rows are dynalite's and Alternator's requests recorded against DynamoDB.
 */
import { describe, it } from 'vitest';
import type { ComparisonOperator, Condition } from '../../../../src/services/dynamodb/generated/types.js';
import type { AttributeValue } from '../../../../src/services/dynamodb/domain/types.js';
import { BOOL, BS, HASH_A, L, M, N, NS, NULL, RANGE_AB, S, SN, SS, runCase, type ValidationCase } from './helpers.js';

const INVALID = 'One or more parameter values were invalid: ';
const cond = (op: ComparisonOperator, ...values: AttributeValue[]): Condition => ({ ComparisonOperator: op, AttributeValueList: values });
const typeOfValue = (v: AttributeValue): string => Object.keys(v)[0] as string;

/** Conditions whose argument count is wrong (dynalite's list); the message names the first condition's operator. */
const WRONG_COUNTS: Record<string, Condition>[] = [
  { a: { ComparisonOperator: 'EQ' }, b: { ComparisonOperator: 'NULL' }, c: { ComparisonOperator: 'NULL' } },
  { a: { ComparisonOperator: 'EQ' } },
  { a: cond('EQ') },
  ...(['NE', 'LE', 'LT', 'GE', 'GT', 'CONTAINS', 'NOT_CONTAINS', 'BEGINS_WITH', 'IN', 'BETWEEN'] as const).map((op) => ({ a: { ComparisonOperator: op } })),
  { a: cond('NULL', S('a')) },
  { a: cond('NOT_NULL', S('a')) },
  ...(['EQ', 'NE', 'LE', 'LT', 'GE', 'GT', 'CONTAINS', 'NOT_CONTAINS', 'NULL', 'NOT_NULL'] as const).map((op) => ({ a: cond(op, S('a'), S('a')) })),
  { a: cond('BETWEEN', S('a'), S('a'), S('a')) },
];

/** Argument types each operator refuses (dynalite's lists, recorded for QueryFilter and KeyConditions). */
const REFUSED_TYPES: [ComparisonOperator, AttributeValue[]][] = [
  ...(['LT', 'LE', 'GT', 'GE', 'IN'] as const).map((op): [ComparisonOperator, AttributeValue[]] => [op, [BOOL(true), NULL, SS('a'), NS('1'), BS([1]), M({}), L()]]),
  ...(['CONTAINS', 'NOT_CONTAINS'] as const).map((op): [ComparisonOperator, AttributeValue[]] => [op, [SS('a'), NS('1'), BS([1]), M({}), L()]]),
  ['BEGINS_WITH', [N('1'), BOOL(true), NULL, SS('a'), NS('1'), BS([1]), M({}), L()]],
];

const generated: ValidationCase[] = [
  ...WRONG_COUNTS.flatMap((conditions): ValidationCase[] => {
    const message = `${INVALID}Invalid number of argument(s) for the ${conditions.a?.ComparisonOperator} ComparisonOperator`;
    const label = Object.values(conditions).map((c) => `${c.ComparisonOperator}/${c.AttributeValueList?.length ?? 'none'}`).join(', ');
    return [
      // Recorded with an invalid KeyConditions value and a duplicate in AttributesToGet: the filter is checked first.
      { src: 'captured', name: `QueryFilter count: ${label}`, operation: 'Query', input: { AttributesToGet: ['a', 'a'], KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } }, QueryFilter: conditions }, message },
      { src: 'captured', name: `KeyConditions count: ${label}`, operation: 'Query', input: { QueryFilter: {}, KeyConditions: conditions }, message },
      { src: 'derived', name: `ScanFilter count: ${label}`, operation: 'Scan', input: { ScanFilter: conditions }, message },
    ];
  }),
  ...REFUSED_TYPES.flatMap(([op, values]) =>
    values.flatMap((v): ValidationCase[] => {
      const message = `${INVALID}ComparisonOperator ${op} is not valid for ${typeOfValue(v)} AttributeValue type`;
      return [
        { src: 'captured', name: `QueryFilter ${op} ${typeOfValue(v)}`, operation: 'Query', input: { QueryFilter: { a: cond(op, v) }, KeyConditions: { a: cond('EQ', S('k')) } }, message },
        { src: 'captured', name: `KeyConditions ${op} ${typeOfValue(v)}`, operation: 'Query', input: { KeyConditions: { a: cond(op, v) } }, message },
      ];
    }),
  ),
  ...[BOOL(true), NULL, SS('a'), NS('1'), BS([1]), M({}), L()].flatMap((v): ValidationCase[] => {
    const message = `${INVALID}ComparisonOperator BETWEEN is not valid for ${typeOfValue(v)} AttributeValue type`;
    return [
      { src: 'captured', name: `QueryFilter BETWEEN ${typeOfValue(v)}`, operation: 'Query', input: { QueryFilter: { a: cond('BETWEEN', v, v) }, KeyConditions: { a: cond('EQ', S('k')) } }, message },
      { src: 'captured', name: `KeyConditions BETWEEN ${typeOfValue(v)}`, operation: 'Query', input: { KeyConditions: { a: cond('BETWEEN', v, v) } }, message },
    ];
  }),
];

const cases: ValidationCase[] = [
  // ---- Values, and the order between the members of a Query / Scan ----
  { src: 'captured', name: 'QueryFilter: empty value, before KeyConditions and AttributesToGet', operation: 'Query', input: { AttributesToGet: ['a', 'a'], KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } }, QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}, S('')] } } }, message: 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes' },
  { src: 'captured', name: 'QueryFilter: NULL false, before the count', operation: 'Query', input: { AttributesToGet: ['a', 'a'], KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } }, QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [N('1'), { NULL: false }, {}] } } }, message: `${INVALID}Null attribute value types must have the value of true` },
  { src: 'captured', name: 'QueryFilter: duplicate string set', operation: 'Query', input: { KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } }, QueryFilter: { a: cond('EQ', N('1'), SS('a', 'a')) } }, message: `${INVALID}Input collection [a, a] contains duplicates.` },
  { src: 'captured', name: 'QueryFilter: two data types', operation: 'Query', input: { KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } }, QueryFilter: { a: cond('EQ', N('1'), { S: 'a', N: '1' }) } }, message: 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes' },
  { src: 'captured', name: 'Query: AttributesToGet duplicate, before KeyConditions', operation: 'Query', input: { QueryFilter: {}, AttributesToGet: ['a', 'a'] }, message: `${INVALID}Duplicate value in attribute name: a` },
  { src: 'captured', name: 'Scan: AttributesToGet duplicate, before ScanFilter', operation: 'Scan', input: { ScanFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}, S('')] } }, AttributesToGet: ['a', 'a'] }, message: `${INVALID}Duplicate value in attribute name: a` },
  { src: 'captured', name: 'KeyConditions: empty value', operation: 'Query', input: { QueryFilter: {}, KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}, S('')] } } }, message: 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes' },
  { src: 'captured', name: 'KeyConditions: number too precise', operation: 'Query', input: { KeyConditions: { a: cond('EQ', N('1'), N('123456789012345678901234567890123456789')) } }, message: 'Attempting to store more than 38 significant digits in a Number' },
  { src: 'captured', name: 'KeyConditions: IN with mixed types', operation: 'Query', input: { KeyConditions: { a: cond('IN', S('b'), N('1')) } }, message: `${INVALID}AttributeValues inside AttributeValueList must be of same type` },
  { src: 'captured', name: 'KeyConditions: BETWEEN bounds reversed', operation: 'Query', input: { KeyConditions: { a: cond('BETWEEN', S('b'), S('a')) } }, message: 'The BETWEEN condition was provided a range where the lower bound is greater than the upper bound' },
  { src: 'derived', name: 'ScanFilter: BETWEEN bounds of two types', operation: 'Scan', input: { ScanFilter: { a: cond('BETWEEN', N('4'), S('dog')) } }, message: `${INVALID}AttributeValues inside AttributeValueList must be of same type` },
  { src: 'derived', name: 'ScanFilter: null condition', operation: 'Scan', input: { ScanFilter: { a: null as unknown as Condition } }, message: 'The filter condition for an attribute cannot be null: a' },

  // ---- ConditionalOperator with a filter ----
  { src: 'captured', name: 'ScanFilter with one condition', operation: 'Scan', input: { ScanFilter: { a: cond('EQ', S('x')) }, ConditionalOperator: 'AND' }, message: 'ConditionalOperator can only be used when Filter or Expected has two or more elements' },
  { src: 'derived', name: 'QueryFilter with one condition', operation: 'Query', input: { KeyConditions: { a: cond('EQ', S('k')) }, QueryFilter: { x: cond('NOT_NULL') }, ConditionalOperator: 'OR' }, message: 'ConditionalOperator can only be used when Filter or Expected has two or more elements' },
  { src: 'derived', name: 'Query without a filter', operation: 'Query', input: { KeyConditions: { a: cond('EQ', S('k')) }, ConditionalOperator: 'OR' }, message: 'ConditionalOperator cannot be used without Filter or Expected' },
  { src: 'derived', name: 'a condition error before ConditionalOperator', operation: 'Scan', input: { ScanFilter: { a: cond('EQ') }, ConditionalOperator: 'OR' }, message: `${INVALID}Invalid number of argument(s) for the EQ ComparisonOperator` },

  // ---- KeyConditions without the table ----
  { src: 'captured', name: 'no KeyConditions', operation: 'Query', input: { QueryFilter: {}, KeyConditions: {} }, message: 'Conditions can be of length 1 or 2 only' },
  { src: 'captured', name: 'three KeyConditions', operation: 'Query', input: { QueryFilter: {}, KeyConditions: { a: cond('NULL'), b: cond('NULL'), c: cond('NULL') } }, message: 'Conditions can be of length 1 or 2 only' },
  { src: 'captured', name: 'three KeyConditions on a table (p, c, z)', operation: 'Query', keySchema: SN, input: { KeyConditions: { p: cond('EQ', S('p')), c: cond('EQ', N('1')), z: cond('EQ', N('1')) } }, message: 'Conditions can be of length 1 or 2 only' },
  { src: 'derived', name: 'neither KeyConditions nor KeyConditionExpression', operation: 'Query', input: { QueryFilter: {} }, message: 'Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.' },

  // ---- KeyConditions against the key schema ----
  ...[cond('NULL'), cond('NOT_NULL'), cond('NE', N('1')), cond('CONTAINS', S('a')), cond('NOT_CONTAINS', S('a')), cond('IN', S('a'))].map((c): ValidationCase => ({ src: 'captured', name: `partition key with ${c.ComparisonOperator}`, operation: 'Query', keySchema: HASH_A, input: { KeyConditions: { a: c } }, message: 'Attempted conditional constraint is not an indexable operation' })),
  ...[cond('NULL'), cond('NOT_NULL'), cond('CONTAINS', S('a')), cond('NOT_CONTAINS', S('a')), cond('IN', S('a'))].map((c): ValidationCase => ({ src: 'captured', name: `sort key with ${c.ComparisonOperator}`, operation: 'Query', keySchema: RANGE_AB, input: { KeyConditions: { a: cond('EQ', S('b')), b: c } }, message: 'Attempted conditional constraint is not an indexable operation' })),
  ...[cond('LE', S('a')), cond('LT', S('a')), cond('GE', S('a')), cond('GT', S('a')), cond('BEGINS_WITH', S('a')), cond('BETWEEN', S('a'), S('a'))].map((c): ValidationCase => ({ src: 'captured', name: `partition key with ${c.ComparisonOperator}`, operation: 'Query', keySchema: HASH_A, input: { KeyConditions: { a: c } }, message: 'Query key condition not supported' })),
  { src: 'captured', name: 'a non-key attribute beside the partition key', operation: 'Query', keySchema: RANGE_AB, input: { KeyConditions: { a: cond('EQ', S('b')), c: cond('NULL') } }, message: 'Query condition missed key schema element: b' },
  { src: 'captured', name: 'a non-key attribute beside the partition key (Alternator)', operation: 'Query', keySchema: SN, input: { KeyConditions: { p: cond('EQ', S('p')), z: cond('EQ', N('1')) } }, message: 'Query condition missed key schema element: c' },
  { src: 'captured', name: 'only the sort key', operation: 'Query', keySchema: SN, input: { KeyConditions: { c: cond('EQ', N('3')) } }, message: 'Query condition missed key schema element: p' },
  { src: 'captured', name: 'only a non-key attribute', operation: 'Query', keySchema: SN, input: { KeyConditions: { z: cond('EQ', N('3')) } }, message: 'Query condition missed key schema element: p' },
  { src: 'derived', name: 'partition key value of the wrong type', operation: 'Query', keySchema: HASH_A, input: { KeyConditions: { a: cond('EQ', N('1')) } }, message: `${INVALID}Condition parameter type does not match schema type` },
  { src: 'derived', name: 'sort key value of the wrong type', operation: 'Query', keySchema: SN, input: { KeyConditions: { p: cond('EQ', S('p')), c: cond('GT', S('1')) } }, message: `${INVALID}Condition parameter type does not match schema type` },
  { src: 'derived', name: 'not indexable reported before the type', operation: 'Query', keySchema: HASH_A, input: { KeyConditions: { a: cond('NE', N('1')) } }, message: 'Attempted conditional constraint is not an indexable operation' },
  { src: 'derived', name: 'the type reported before a partition key operator', operation: 'Query', keySchema: HASH_A, input: { KeyConditions: { a: cond('GT', N('1')) } }, message: `${INVALID}Condition parameter type does not match schema type` },
  { src: 'derived', name: 'two conditions on a partition-key-only table', operation: 'Query', keySchema: HASH_A, input: { KeyConditions: { a: cond('EQ', S('a')), b: cond('EQ', S('a')) } }, message: 'The number of query conditions (2) exceeds the number of key attributes defined in the schema (1)' },
  { src: 'captured', name: 'QueryFilter on the partition key', operation: 'Query', keySchema: HASH_A, input: { KeyConditions: { a: cond('EQ', S('a')) }, QueryFilter: { a: cond('EQ', S('a')) } }, message: 'QueryFilter can only contain non-primary key attributes: Primary key attribute: a' },
  { src: 'derived', name: 'QueryFilter on the sort key', operation: 'Query', keySchema: RANGE_AB, input: { KeyConditions: { a: cond('EQ', S('a')) }, QueryFilter: { x: cond('NOT_NULL'), b: cond('EQ', S('a')) } }, message: 'QueryFilter can only contain non-primary key attributes: Primary key attribute: b' },
  { src: 'derived', name: 'key conditions checked before the filter keys', operation: 'Query', keySchema: RANGE_AB, input: { KeyConditions: { b: cond('EQ', S('a')) }, QueryFilter: { a: cond('EQ', S('a')) } }, message: 'Query condition missed key schema element: a' },
];

describe('legacy condition validation', () => {
  for (const c of [...cases, ...generated]) it(`${c.name} (${c.src})`, () => runCase(c));
});
