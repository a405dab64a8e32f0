/**
 * Expression validation, table-driven: ConditionExpression / FilterExpression rules and
 * KeyConditionExpression (shape, then against the key schema). Each row is a request and
 * DynamoDB's exact answer; `src` is explained in helpers.ts.
 */
import { describe, it } from 'vitest';
import { BOOL, COMPOSITE, COMPOSITE_N, HASH, L, N, S, runCase, type ValidationCase } from './helpers.js';

const v = (value = S('x')) => ({ ':v': value });
const kc = (KeyConditionExpression: string, values: ValidationCase['input']['ExpressionAttributeValues'], keySchema = COMPOSITE): Pick<ValidationCase, 'input' | 'options'> => ({
  input: { KeyConditionExpression, ExpressionAttributeValues: values },
  options: { keySchema },
});
const p = { ':p': S('q') };

const cases: ValidationCase[] = [
  // ---- Parentheses ----
  { src: 'captured', name: 'doubled around a condition', input: { ConditionExpression: '((attribute_not_exists(pk)))' }, message: 'Invalid ConditionExpression: The expression has redundant parentheses;' },
  { src: 'captured', name: 'doubled in a filter', input: { FilterExpression: '((#a = :v))', ExpressionAttributeNames: { '#a': 'strVal' }, ExpressionAttributeValues: v() }, message: 'Invalid FilterExpression: The expression has redundant parentheses;' },
  { src: 'captured', name: 'doubled in a key condition', input: { KeyConditionExpression: '((pk = :v))', ExpressionAttributeValues: v() }, message: 'Invalid KeyConditionExpression: The expression has redundant parentheses;' },
  { src: 'derived', name: 'one level too many under AND', input: { KeyConditionExpression: '((c = :c) AND ((p = :p)))', ExpressionAttributeValues: { ':c': N('3'), ':p': S('p') } }, message: 'Invalid KeyConditionExpression: The expression has redundant parentheses;' },

  // ---- Functions ----
  { src: 'derived', name: 'attribute_exists with two operands', input: { ConditionExpression: 'attribute_exists(s, n)' }, message: 'Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2' },
  { src: 'derived', name: 'begins_with with one operand', input: { ConditionExpression: 'begins_with(a)' }, message: 'Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1' },
  { src: 'derived', name: 'attribute_exists of a value', input: { ConditionExpression: 'attribute_exists(:v)', ExpressionAttributeValues: v() }, message: 'Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists' },
  { src: 'captured', name: 'size as a condition', input: { ConditionExpression: 'size(a)' }, message: 'Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size' },
  { src: 'derived', name: 'condition function compared', input: { ConditionExpression: 'attribute_exists(a) < :v', ExpressionAttributeValues: v(N('1')) }, message: 'Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists' },
  { src: 'derived', name: 'update function in a condition', input: { ConditionExpression: 'if_not_exists(a, :v) = :v', ExpressionAttributeValues: v() }, message: 'Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists' },
  { src: 'captured', name: 'begins_with a number', input: { FilterExpression: 'begins_with(#a, :n)', ExpressionAttributeNames: { '#a': 'strVal' }, ExpressionAttributeValues: { ':n': N('1') } }, message: 'Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N' },
  { src: 'derived', name: 'size of a number', input: { ConditionExpression: 'size(:v) > :v', ExpressionAttributeValues: v(N('1')) }, message: 'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N' },
  { src: 'captured', name: 'contains of itself', input: { ConditionExpression: 'contains(#a, #a)', ExpressionAttributeNames: { '#a': 'data' } }, message: 'Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [data]' },
  { src: 'derived', name: 'a path compared with itself', input: { ConditionExpression: 'a.b = a.b' }, message: 'Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a, b]' },
  { src: 'derived', name: 'unknown type name', input: { ConditionExpression: 'attribute_type(a, :v)', ExpressionAttributeValues: v(S('STRING')) }, message: 'Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}' },
  { src: 'derived', name: 'type name given as a number', input: { ConditionExpression: 'attribute_type(a, :v)', ExpressionAttributeValues: v(N('1')) }, message: 'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N' },

  // ---- Comparators, BETWEEN, IN ----
  { src: 'derived', name: 'ordering a list constant', input: { ConditionExpression: 'a < :v', ExpressionAttributeValues: v(L(N('1'), N('2'))) }, message: 'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: L' },
  { src: 'derived', name: 'ordering a boolean written first', input: { ConditionExpression: ':v <= a', ExpressionAttributeValues: v(BOOL(true)) }, message: 'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <=, operand type: BOOL' },
  { src: 'captured', name: 'BETWEEN bounds of two types', input: { KeyConditionExpression: 'a between :b and :a', ExpressionAttributeValues: { ':a': S('a'), ':b': N('1') } }, message: 'Invalid KeyConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}' },
  { src: 'captured', name: 'BETWEEN bounds reversed', input: { KeyConditionExpression: 'a between :b and :a', ExpressionAttributeValues: { ':a': S('a'), ':b': S('b') } }, message: 'Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}' },
  { src: 'derived', name: 'BETWEEN numbers compared numerically', input: { FilterExpression: 'a BETWEEN :b AND :a', ExpressionAttributeValues: { ':a': N('9'), ':b': N('10') } }, message: 'Invalid FilterExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:10}, upper bound operand: AttributeValue: {N:9}' },
  { src: 'derived', name: 'IN with 101 operands', input: { FilterExpression: `a IN (${Array(101).fill(':v').join(', ')})`, ExpressionAttributeValues: v() }, message: 'Invalid FilterExpression: The IN operator is provided with too many operands; number of operands: 101' },

  // ---- Key condition shape (no schema needed) ----
  { src: 'captured', name: 'OR', input: { KeyConditionExpression: 'a > :b and size(b) > :c or a > :c', ExpressionAttributeValues: { ':b': N('1'), ':c': N('1') } }, message: 'Invalid operator used in KeyConditionExpression: OR' },
  { src: 'captured', name: 'NOT', input: { KeyConditionExpression: 'not a > :b', ExpressionAttributeValues: { ':b': N('1') } }, message: 'Invalid operator used in KeyConditionExpression: NOT' },
  { src: 'captured', name: 'IN', input: { KeyConditionExpression: 'a in (:b)', ExpressionAttributeValues: { ':b': N('1') } }, message: 'Invalid operator used in KeyConditionExpression: IN' },
  { src: 'captured', name: '<>', input: { KeyConditionExpression: 'a <> :b', ExpressionAttributeValues: { ':b': N('1') } }, message: 'Invalid operator used in KeyConditionExpression: <>' },
  { src: 'captured', name: 'contains', input: { KeyConditionExpression: 'contains(a.d, :b)', ExpressionAttributeValues: { ':b': N('1') } }, message: 'Invalid operator used in KeyConditionExpression: contains' },
  { src: 'captured', name: 'attribute_type after its operand checks', input: { KeyConditionExpression: 'attribute_type(a, :a)', ExpressionAttributeValues: { ':a': S('S') } }, message: 'Invalid operator used in KeyConditionExpression: attribute_type' },
  { src: 'captured', name: 'BETWEEN not starting with the key', input: { KeyConditionExpression: ':a between size(b) and size(a) and b > :b', ExpressionAttributeValues: { ':a': S('1'), ':b': S('1') } }, message: 'Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand' },
  { src: 'captured', name: 'begins_with not starting with the key', input: { KeyConditionExpression: 'begins_with(:a, b) and a > :b', ExpressionAttributeValues: { ':a': S('1'), ':b': S('1') } }, message: 'Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand' },
  { src: 'derived', name: 'size in a key condition', input: { KeyConditionExpression: 'a between size(b) and size(a)' }, message: 'Invalid KeyConditionExpression: KeyConditionExpressions cannot contain nested operations' },
  { src: 'captured', name: 'two attributes in one condition', input: { KeyConditionExpression: 'b > a.b' }, message: 'Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition' },
  { src: 'captured', name: 'nested key path', options: { keySchema: COMPOSITE }, input: { KeyConditionExpression: '#pk = :pk AND #sk.foo = :v', ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' }, ExpressionAttributeValues: { ':pk': S('p'), ':v': S('x') } }, message: 'Invalid KeyConditionExpression: KeyConditionExpressions cannot have conditions on nested attributes' },
  { src: 'captured', name: 'list index on a key', input: { KeyConditionExpression: 'b[0] > :a', ExpressionAttributeValues: { ':a': N('1') } }, message: 'Invalid KeyConditionExpression: KeyConditionExpressions cannot have conditions on nested attributes' },
  { src: 'captured', name: 'no attribute', input: { KeyConditionExpression: ':b > :a AND a < :b', ExpressionAttributeValues: { ':a': N('1'), ':b': N('1') } }, message: 'Invalid condition in KeyConditionExpression: No key attribute specified' },
  { src: 'captured', name: 'two conditions on the sort key', ...kc('pk = :p AND sk > :a AND sk < :b', { ...p, ':a': N('1'), ':b': N('5') }, COMPOSITE_N), message: 'Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key' },

  // ---- Key condition against the schema ----
  { src: 'captured', name: 'sort key only', ...kc('sk = :v', v()), message: 'Query condition missed key schema element: pk' },
  { src: 'captured', name: 'non-key attribute only', ...kc('attr1 = :v', v()), message: 'Query condition missed key schema element: pk' },
  { src: 'captured', name: 'second condition not on the sort key', ...kc('pk = :p AND a < :v', { ...p, ...v() }), message: 'Query condition missed key schema element: sk' },
  { src: 'captured', name: 'three conditions, two key attributes', ...kc('pk = :p AND sk > :a AND extra = :b', { ...p, ':a': N('1'), ':b': N('5') }, COMPOSITE_N), message: 'The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)' },
  { src: 'derived', name: 'two conditions on a hash-only table', ...kc('pk = :p AND sk = :v', { ...p, ...v() }, HASH), message: 'The number of query conditions (2) exceeds the number of key attributes defined in the schema (1)' },
  { src: 'captured', name: 'partition key range', ...kc('pk < :p', p), message: 'Query key condition not supported' },
  { src: 'captured', name: 'partition key prefix', ...kc('begins_with(pk, :p)', p), message: 'Query key condition not supported' },
  { src: 'captured', name: 'partition key of the wrong type', ...kc('pk = :v', v(N('3'))), message: 'One or more parameter values were invalid: Condition parameter type does not match schema type' },
  { src: 'captured', name: 'begins_with a number on a string sort key', ...kc('pk = :p AND begins_with(sk, :v)', { ...p, ...v(N('1')) }), message: 'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N' },
  { src: 'captured', name: 'begins_with a boolean', ...kc('pk = :p AND begins_with(sk, :v)', { ...p, ...v(BOOL(true)) }), message: 'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: BOOL' },
  { src: 'captured', name: 'begins_with a string on a number sort key', ...kc('pk = :p AND begins_with(sk, :v)', { ...p, ...v(S('a')) }, COMPOSITE_N), message: 'One or more parameter values were invalid: Condition parameter type does not match schema type' },
  { src: 'captured', name: 'ordering a boolean', ...kc('pk = :p AND sk < :v', { ...p, ...v(BOOL(true)) }, COMPOSITE_N), message: 'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL' },
  { src: 'captured', name: 'ordering a boolean written first', ...kc('pk = :p AND :v >= sk', { ...p, ...v(BOOL(true)) }, COMPOSITE_N), message: 'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: >=, operand type: BOOL' },
  { src: 'captured', name: 'BETWEEN booleans', ...kc('pk = :p AND sk BETWEEN :a AND :b', { ...p, ':a': BOOL(false), ':b': BOOL(true) }, COMPOSITE_N), message: 'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: BOOL' },
  { src: 'captured', name: 'equality with a boolean', ...kc('pk = :p AND sk = :v', { ...p, ...v(BOOL(true)) }, COMPOSITE_N), message: 'One or more parameter values were invalid: Condition parameter type does not match schema type' },
  { src: 'captured', name: 'filter on the sort key', options: { keySchema: COMPOSITE }, input: { KeyConditionExpression: 'pk = :a', FilterExpression: 'sk > :x', ExpressionAttributeValues: { ':a': S('a'), ':x': S('1') } }, message: 'Filter Expression can only contain non-primary key attributes: Primary key attribute: sk' },
  { src: 'captured', name: 'filter below the partition key', options: { keySchema: HASH }, input: { KeyConditionExpression: 'pk = :a', FilterExpression: 'attribute_exists(pk.b) AND b = :b', ExpressionAttributeValues: { ':a': S('1'), ':b': N('1') } }, message: 'Filter Expression can only contain non-primary key attributes: Primary key attribute: pk' },
];

describe('expression validation: conditions and key conditions', () => {
  for (const c of cases) it(`${c.name} [${c.src}]`, () => runCase(c));
});
