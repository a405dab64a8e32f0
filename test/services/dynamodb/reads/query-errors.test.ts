import { QueryCommand, type AttributeValue, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, expectError } from '../tables/helpers.js';
import { createTable, N, S } from './helpers.js';

const nimbus = useNimbus();

const INVALID = 'The provided starting key is invalid';
const MISMATCH = 'The provided key element does not match the schema';
const V = '1 validation error detected: ';

/** `t` (a S, b S) with LSI `lsi` (a, c S) and GSI `gsi` (c S, d S) KEYS_ONLY; `h` (a S) hash only. */
const base = { TableName: 't', KeyConditionExpression: 'a = :a', ExpressionAttributeValues: { ':a': S('x') } };

/** Requests Query must refuse with DynamoDB's ValidationException message. */
const cases: [string, QueryCommandInput, string][] = [
  // Select and the projection (before the table is looked up).
  ['COUNT with a projection', { ...base, Select: 'COUNT', ProjectionExpression: 'b' }, `${V}Cannot specify the ProjectionExpression when choosing to get only the Count`],
  ['ALL_ATTRIBUTES with a projection', { ...base, Select: 'ALL_ATTRIBUTES', ProjectionExpression: 'b' }, `${V}Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES`],
  ['ALL_PROJECTED_ATTRIBUTES with a projection and no index', { ...base, Select: 'ALL_PROJECTED_ATTRIBUTES', ProjectionExpression: 'b' }, `${V}Cannot specify the ProjectionExpression when choosing to get ALL_PROJECTED_ATTRIBUTES`],
  ['SPECIFIC_ATTRIBUTES without a projection', { ...base, Select: 'SPECIFIC_ATTRIBUTES' }, `${V}Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES`],
  ['COUNT with AttributesToGet', { TableName: 't', KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [S('x')] } }, Select: 'COUNT', AttributesToGet: ['b'] }, `${V}Cannot specify the AttributesToGet when choosing to get only the Count`],
  // Which parameters.
  ['no key condition', { TableName: 't' }, 'Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.'],
  ['mixed parameters', { ...base, AttributesToGet: ['b'] }, 'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {KeyConditionExpression}'],
  ['a bad start key value', { ...base, ExclusiveStartKey: { a: { S: 'x', N: '1' } as unknown as AttributeValue } }, `${INVALID}: Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes`],
  ['a start key number out of range', { ...base, ExclusiveStartKey: { a: N('1e126') } }, `${INVALID}: Number overflow. Attempting to store a number with magnitude larger than supported range`],
  // The table, the index.
  ['a GSI read consistently', { TableName: 't', IndexName: 'gsi', KeyConditionExpression: 'c = :c', ExpressionAttributeValues: { ':c': S('x') }, ConsistentRead: true }, 'Consistent reads are not supported on global secondary indexes'],
  // The key condition against the schema.
  ['a key condition on another attribute', { ...base, KeyConditionExpression: 'z = :a' }, 'Query condition missed key schema element: a'],
  ['a range condition on the partition key', { ...base, KeyConditionExpression: 'a > :a' }, 'Query key condition not supported'],
  ['a key value of the wrong type', { ...base, ExpressionAttributeValues: { ':a': N(1) } }, 'One or more parameter values were invalid: Condition parameter type does not match schema type'],
  ['the table key on a GSI', { ...base, IndexName: 'gsi' }, 'Query condition missed key schema element: c'],
  // The start key.
  ['a start key missing the sort key', { ...base, ExclusiveStartKey: { a: S('x') } }, INVALID],
  ['a start key with an extra attribute', { ...base, ExclusiveStartKey: { a: S('x'), b: S('y'), z: S('z') } }, INVALID],
  ['a start key of the wrong type', { ...base, ExclusiveStartKey: { a: N(1), b: S('y') } }, MISMATCH],
  ['a start key with another sort key name', { ...base, ExclusiveStartKey: { a: S('x'), z: S('y') } }, INVALID],
  ['a start key checked before a missed key element', { ...base, KeyConditionExpression: 'z = :a', ExclusiveStartKey: { b: S('x'), c: S('y') } }, INVALID],
  ['a missed key element before the start key sort key', { ...base, KeyConditionExpression: 'z = :a', ExclusiveStartKey: { a: S('x'), b: N(1) } }, 'Query condition missed key schema element: a'],
  ['a start key of another partition', { ...base, ExclusiveStartKey: { a: S('other'), b: S('y') } }, 'The provided starting key is outside query boundaries based on provided conditions'],
  ['a start key outside the sort key condition', { ...base, KeyConditionExpression: 'a = :a AND b > :b', ExpressionAttributeValues: { ':a': S('x'), ':b': S('m') }, ExclusiveStartKey: { a: S('x'), b: S('a') } }, 'The provided starting key does not match the range key predicate'],
  ['a start key of another partition with a sort key condition', { ...base, KeyConditionExpression: 'a = :a AND b < :b', ExpressionAttributeValues: { ':a': S('x'), ':b': S('m') }, ExclusiveStartKey: { a: S('y'), b: S('a') } }, 'The query can return at most one row and cannot be restarted'],
  ['an index start key without the table key', { ...base, IndexName: 'lsi', ExclusiveStartKey: { a: S('x'), c: S('y') } }, INVALID],
  ['an index start key with a mistyped table key', { ...base, IndexName: 'lsi', ExclusiveStartKey: { a: S('x'), b: N(1), c: S('y') } }, `${INVALID}: ${MISMATCH}`],
  ['an index start key with a mistyped index key', { ...base, IndexName: 'lsi', ExclusiveStartKey: { a: S('x'), b: S('y'), c: N(1) } }, MISMATCH],
  ['a start key with an empty key string', { ...base, ExclusiveStartKey: { a: S('x'), b: S('') } }, `${INVALID}: One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: b`],
  // The filter and the projection.
  ['a filter on the partition key', { ...base, FilterExpression: 'a = :a' }, 'Filter Expression can only contain non-primary key attributes: Primary key attribute: a'],
  ['a filter on the index sort key', { ...base, IndexName: 'lsi', FilterExpression: 'c = :a' }, 'Filter Expression can only contain non-primary key attributes: Primary key attribute: c'],
  ['a legacy filter on the sort key', { TableName: 't', KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [S('x')] } }, QueryFilter: { b: { ComparisonOperator: 'NULL' } } }, 'QueryFilter can only contain non-primary key attributes: Primary key attribute: b'],
  ['a path into a key in the projection', { ...base, ProjectionExpression: 'b.x' }, "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: b"],
  ['a path into an index key in the filter', { ...base, FilterExpression: 'd[1] = :a' }, "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: d"],
  ['ALL_ATTRIBUTES on a KEYS_ONLY GSI', { TableName: 't', IndexName: 'gsi', KeyConditionExpression: 'c = :c', ExpressionAttributeValues: { ':c': S('x') }, Select: 'ALL_ATTRIBUTES' }, 'One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index gsi because its projection type is not ALL'],
  ['a hash-only table queried on two keys', { TableName: 'h', KeyConditionExpression: 'a = :a AND b = :a', ExpressionAttributeValues: { ':a': S('x') } }, 'The number of query conditions (2) exceeds the number of key attributes defined in the schema (1)'],
  ['Limit 0', { ...base, Limit: 0 }, "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"],
];

describe('Query refuses, with DynamoDB messages', () => {
  beforeAll(async () => {
    const ddb = ddbClient(nimbus);
    await createTable(ddb, 't', { hash: ['a', 'S'], range: ['b', 'S'] }, [
      { name: 'lsi', kind: 'LSI', hash: ['a', 'S'], range: ['c', 'S'], projection: 'KEYS_ONLY' },
      { name: 'gsi', kind: 'GSI', hash: ['c', 'S'], range: ['d', 'S'], projection: 'KEYS_ONLY' },
    ]);
    await createTable(ddb, 'h', { hash: ['a', 'S'] });
  });

  it.each(cases)('%s', async (_name, input, message) => {
    await expectError(ddbClient(nimbus).send(new QueryCommand(input)), 'ValidationException', message);
  });

  it('a missing table, after the request-level checks', async () => {
    const ddb = ddbClient(nimbus);
    await expectError(ddb.send(new QueryCommand({ ...base, TableName: 'missing' })), 'ResourceNotFoundException', 'Requested resource not found');
    await expectError(ddb.send(new QueryCommand({ ...base, TableName: 'missing', KeyConditionExpression: 'a = :zz' })), 'ValidationException', /An expression attribute value used in expression is not defined/);
  });
});
