/**
 * ExclusiveStartKey of Query and Scan: checked as DynamoDB checks it, with its messages. Pure.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html#DDB-Query-request-ExclusiveStartKey
 *
 * A start key is a LastEvaluatedKey: the table's key attributes, plus the index's when reading an
 * index, and nothing else. The wording depends on what is wrong and on the operation (as
 * recorded against DynamoDB by dynalite's tests and the 2026 conformance suites):
 * - Each value is first checked as any AttributeValue, before the table is looked up:
 *   "The provided starting key is invalid: <the value's message>".
 * - Query, and Scan of an index: the wrong number of attributes, or a missing index key
 *   attribute: "The provided starting key is invalid"; an index key attribute (the table's own
 *   key for a table Query) of the wrong type: "The provided key element does not match the schema".
 * - A table key attribute missing or mistyped when reading an index, and anything wrong with a
 *   table Scan's start key: "The provided starting key is invalid: The provided key element does
 *   not match the schema".
 * - Query, against the key condition: another partition key value, "The provided starting key is
 *   outside query boundaries based on provided conditions"; a sort key value the sort key
 *   condition excludes, "The provided starting key does not match the range key predicate" (and,
 *   with a sort key condition, another partition key: "The query can return at most one row and
 *   cannot be restarted").
 */
import { isServiceError } from '../../../shared/errors.js';
import { validationError } from './errors.js';
import type { ResolvedKeyCondition } from './expressions/index.js';
import { keyNames } from './table-keys.js';
import type { IndexDefinition, TableDefinition } from './table-model.js';
import type { AttributeValue, Item, KeyAttribute, KeySchema } from './types.js';
import { compareBytes } from './values/compare.js';
import { compareScalars, typeOf, validateKeyValue, validateValue, valuesEqual } from './values/index.js';

const INVALID = 'The provided starting key is invalid';
const SCHEMA_MISMATCH = 'The provided key element does not match the schema';

const has = (item: Item, name: string): boolean => Object.prototype.hasOwnProperty.call(item, name);

/** Every value checked as an AttributeValue; returns a normalized copy (numbers canonical). */
export function checkStartKeyValues(startKey: Item | undefined | null): Item | undefined {
  if (startKey === undefined || startKey === null) return undefined;
  const out: Item = {};
  for (const name of Object.keys(startKey)) {
    out[name] = withPrefix(() => validateValue(startKey[name] as AttributeValue));
  }
  return out;
}

/** The attributes a start key holds, in the order LastEvaluatedKey lists them: table key, then index key. */
export function startKeyNames(table: Pick<TableDefinition, 'key'>, index: IndexDefinition | undefined): string[] {
  const names = keyNames(table.key);
  if (index) for (const n of keyNames(index.key)) if (!names.includes(n)) names.push(n);
  return names;
}

/** Query, Scan of an index: exactly as many attributes as the key has. */
export function checkStartKeyCount(startKey: Item, table: Pick<TableDefinition, 'key'>, index: IndexDefinition | undefined): void {
  if (Object.keys(startKey).length !== startKeyNames(table, index).length) throw validationError(INVALID);
}

/** Query, Scan of an index: one key attribute of the table or index read. */
export function checkStartKeyAttribute(startKey: Item, attribute: KeyAttribute): void {
  if (!has(startKey, attribute.name)) throw validationError(INVALID);
  if (typeOf(startKey[attribute.name] as AttributeValue) !== attribute.type) throw validationError(SCHEMA_MISMATCH);
}

/** The table's key inside a start key (after the index's, when reading an index; a table Scan's whole check). */
export function checkStartKeyTableKey(startKey: Item, table: Pick<TableDefinition, 'key'>): void {
  const check = (attribute: KeyAttribute, role: 'partition' | 'sort'): void => {
    const value = has(startKey, attribute.name) ? startKey[attribute.name] : undefined;
    if (value === undefined || typeOf(value) !== attribute.type) throw validationError(`${INVALID}: ${SCHEMA_MISMATCH}`);
    withPrefix(() => validateKeyValue(value, attribute, role));
  };
  check(table.key.hash, 'partition');
  if (table.key.range) check(table.key.range, 'sort');
}

/** Scan: the whole start key. */
export function checkScanStartKey(startKey: Item, table: Pick<TableDefinition, 'key'>, index: IndexDefinition | undefined): void {
  if (!index) {
    if (Object.keys(startKey).length !== keyNames(table.key).length) throw validationError(`${INVALID}: ${SCHEMA_MISMATCH}`);
    checkStartKeyTableKey(startKey, table);
    return;
  }
  checkStartKeyCount(startKey, table, index);
  checkStartKeyAttribute(startKey, index.key.hash);
  if (index.key.range) checkStartKeyAttribute(startKey, index.key.range);
  checkStartKeyTableKey(startKey, table);
}

/** Query: the start key against the key condition of the table or index queried. */
export function checkStartKeyBounds(startKey: Item, keySchema: KeySchema, condition: ResolvedKeyCondition): void {
  const samePartition = valuesEqual(startKey[keySchema.hash.name] as AttributeValue, condition.hashValue);
  const range = keySchema.range;
  if (!range || !condition.range) {
    if (!samePartition) throw validationError('The provided starting key is outside query boundaries based on provided conditions');
    return;
  }
  if (!satisfies(startKey[range.name] as AttributeValue, condition.range)) {
    throw validationError('The provided starting key does not match the range key predicate');
  }
  if (!samePartition) throw validationError('The query can return at most one row and cannot be restarted');
}

function satisfies(value: AttributeValue, range: NonNullable<ResolvedKeyCondition['range']>): boolean {
  const [a, b] = range.values as [AttributeValue, AttributeValue];
  switch (range.op) {
    case 'EQ':
      return compareScalars(value, a) === 0;
    case 'LT':
      return compareScalars(value, a) < 0;
    case 'LE':
      return compareScalars(value, a) <= 0;
    case 'GT':
      return compareScalars(value, a) > 0;
    case 'GE':
      return compareScalars(value, a) >= 0;
    case 'BETWEEN':
      return compareScalars(value, a) >= 0 && compareScalars(value, b) <= 0;
    case 'BEGINS_WITH':
      if (value.S != null && a.S != null) return value.S.startsWith(a.S);
      if (value.B != null && a.B != null) {
        return value.B.byteLength >= a.B.byteLength && compareBytes(value.B.subarray(0, a.B.byteLength), a.B) === 0;
      }
      return false;
  }
}

/** Runs a value check, prefixing its ValidationException's message with "The provided starting key is invalid: ". */
function withPrefix<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (isServiceError(e) && e.code === 'ValidationException') throw validationError(`${INVALID}: ${e.message}`);
    throw e;
  }
}
