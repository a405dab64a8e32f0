/**
 * What the item operations check about keys and items, with DynamoDB's messages. Pure.
 *
 * Two kinds of failure, because TransactWriteItems reports them differently (captured against
 * DynamoDB by the conformance suites of 2026): problems visible in the request alone (an empty
 * key string, an item over 400 KB, an empty secondary index key) are a plain ValidationException
 * before anything runs; problems of the item against the table's schema (wrong key type, missing
 * key, index key of the wrong type, an update growing an item past 400 KB) are ItemSchemaError,
 * which a transaction turns into a `ValidationError` cancellation reason. Standalone operations
 * answer both as ValidationException.
 *
 * Messages (verified unless noted): "The provided key element does not match the schema" (a Key
 * with missing, extra or wrongly typed attributes); "One or more parameter values are not valid.
 * The AttributeValue for a key attribute cannot contain an empty string value. Key: pk";
 * "One or more parameter values were invalid: Missing the key pk in the item"; "… Type mismatch
 * for key pk expected: S actual: N"; "… Type mismatch for Index Key k Expected: S Actual: N
 * IndexName: i" (the alphabetically first index keyed by the attribute); "One or more parameter
 * values are not valid. A value specified for a secondary index key is not supported. The
 * AttributeValue for a key attribute cannot contain an empty string value. IndexName: i,
 * IndexKey: k"; "One or more parameter values are not valid. The update expression attempted to
 * update a secondary index key to a value that is not supported. The AttributeValue for a key
 * attribute cannot contain an empty string value."; "Item size has exceeded the maximum allowed
 * size" (puts) and "Item size to update has exceeded the maximum allowed size" (updates, measured
 * on the finished item as most regions do). "Empty attribute name" for an item attribute named ""
 * is captured for TransactWriteItems' Put and assumed for every put.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items
 */
import { ServiceError } from '../../../shared/errors.js';
import { validationError } from './errors.js';
import { keyNames } from './table-keys.js';
import type { IndexDefinition, TableDefinition } from './table-model.js';
import type { AttributeValue, Item, KeyAttribute } from './types.js';
import { itemSize, typeOf, validateItem, validateKeyValue } from './values/index.js';

/** DynamoDB's item size limit: 400 KB. */
export const MAX_ITEM_BYTES = 400 * 1024;

export const KEY_SCHEMA_MISMATCH = 'The provided key element does not match the schema';
export const CONDITIONAL_CHECK_FAILED = 'The conditional request failed';

/** A ValidationException about an item against its table's schema (see the header). */
export class ItemSchemaError extends ServiceError {
  constructor(message: string) {
    super('ValidationException', message, { statusCode: 400 });
  }
}

/**
 * An empty string or binary for a secondary index key attribute: DynamoDB refuses it up front,
 * so a transaction reports it as a plain ValidationException even when an update produced it.
 */
export class UnsupportedIndexKeyValue extends ServiceError {
  constructor(message: string) {
    super('ValidationException', message, { statusCode: 400 });
  }
}

type TableShape = Pick<TableDefinition, 'key' | 'indexes' | 'attributeDefinitions'>;

/**
 * A request's Key before the table is known: every value valid (numbers normalized), no empty
 * string or binary (DynamoDB refuses those whatever the schema says).
 */
export function validateKeyInput(key: Item): Item {
  const out = validateItem(key);
  for (const name of Object.keys(out)) {
    const v = out[name] as AttributeValue;
    if (v.S === '') throw emptyKey('string', name);
    if (v.B !== undefined && v.B.byteLength === 0) throw emptyKey('binary', name);
  }
  return out;
}

/** A validated Key against the table's key schema: exactly its key attributes, with their types and sizes. */
export function checkKeyAgainstSchema(table: Pick<TableDefinition, 'key'>, key: Item): Item {
  const names = keyNames(table.key);
  const given = Object.keys(key);
  if (given.length !== names.length) throw new ItemSchemaError(KEY_SCHEMA_MISMATCH);
  const attributes = table.key.range ? [table.key.hash, table.key.range] : [table.key.hash];
  for (const attribute of attributes) {
    const value = key[attribute.name];
    if (value === undefined || typeOf(value) !== attribute.type) throw new ItemSchemaError(KEY_SCHEMA_MISMATCH);
  }
  validateKeyValue(key[table.key.hash.name], table.key.hash, 'partition');
  if (table.key.range) validateKeyValue(key[table.key.range.name], table.key.range, 'sort');
  return key;
}

/** An item to put, before the table is known: valid values (normalized), named attributes, within 400 KB. */
export function validatePutInput(item: Item): Item {
  const out = validateItem(item);
  if (Object.prototype.hasOwnProperty.call(out, '')) throw validationError('Empty attribute name');
  if (itemSize(out) > MAX_ITEM_BYTES) throw validationError('Item size has exceeded the maximum allowed size');
  return out;
}

/** A validated item to put against the table: its key attributes, then every index key attribute it has. */
export function checkPutAgainstSchema(table: TableShape, item: Item): void {
  checkItemKey(item, table.key.hash, 'partition');
  if (table.key.range) checkItemKey(item, table.key.range, 'sort');
  checkIndexKeys(table, item, 'put');
}

/** The finished item of an update: index key attributes, then the 400 KB limit. */
export function checkUpdatedItem(table: TableShape, item: Item): void {
  checkIndexKeys(table, item, 'update');
  if (itemSize(item) > MAX_ITEM_BYTES) throw new ItemSchemaError('Item size to update has exceeded the maximum allowed size');
}

function checkItemKey(item: Item, attribute: KeyAttribute, role: 'partition' | 'sort'): void {
  const value = item[attribute.name];
  if (value === undefined) throw new ItemSchemaError(`One or more parameter values were invalid: Missing the key ${attribute.name} in the item`);
  const actual = typeOf(value);
  if (actual !== attribute.type) {
    throw new ItemSchemaError(`One or more parameter values were invalid: Type mismatch for key ${attribute.name} expected: ${attribute.type} actual: ${actual}`);
  }
  validateKeyValue(value, attribute, role);
}

/** Index key attributes the item has: of the type AttributeDefinitions gives, not empty. Absent ones make the index sparse. */
function checkIndexKeys(table: TableShape, item: Item, kind: 'put' | 'update'): void {
  if (table.indexes.length === 0) return;
  for (const index of indexesByName(table)) {
    for (const attribute of index.key.range ? [index.key.hash, index.key.range] : [index.key.hash]) {
      const value = item[attribute.name];
      if (value === undefined) continue;
      const actual = typeOf(value);
      if (actual !== attribute.type) {
        throw new ItemSchemaError(
          `One or more parameter values were invalid: Type mismatch for Index Key ${attribute.name} Expected: ${attribute.type} Actual: ${actual} IndexName: ${index.name}`,
        );
      }
      const empty = actual === 'S' ? value.S === '' : actual === 'B' ? (value.B as Uint8Array).byteLength === 0 : false;
      if (empty) throw emptyIndexKey(actual === 'S' ? 'string' : 'binary', index, attribute.name, kind);
    }
  }
}

const SORTED = new WeakMap<readonly IndexDefinition[], IndexDefinition[]>();

/** The table's indexes by name: DynamoDB names the alphabetically first index in its messages. */
function indexesByName(table: TableShape): IndexDefinition[] {
  let sorted = SORTED.get(table.indexes);
  if (!sorted) {
    sorted = [...table.indexes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    SORTED.set(table.indexes, sorted);
  }
  return sorted;
}

function emptyKey(kind: 'string' | 'binary', name: string): ServiceError {
  return validationError(
    `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${kind} value. Key: ${name}`,
  );
}

function emptyIndexKey(kind: 'string' | 'binary', index: IndexDefinition, name: string, how: 'put' | 'update'): ServiceError {
  if (how === 'update') {
    return new UnsupportedIndexKeyValue(
      `One or more parameter values are not valid. The update expression attempted to update a secondary index key to a value that is not supported. The AttributeValue for a key attribute cannot contain an empty ${kind} value.`,
    );
  }
  return new UnsupportedIndexKeyValue(
    `One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty ${kind} value. IndexName: ${index.name}, IndexKey: ${name}`,
  );
}

/** ReturnValues of PutItem and DeleteItem (the model's enum allows all five). */
export function checkPutDeleteReturnValues(returnValues: string | undefined): void {
  if (returnValues !== undefined && returnValues !== 'NONE' && returnValues !== 'ALL_OLD') {
    throw validationError('ReturnValues can only be ALL_OLD or NONE');
  }
}
