/**
 * TransactGetItems' Get actions, checked in DynamoDB's order: each key's values and projection,
 * then (tables known) keys against the schema — a mismatch is the action's ValidationError
 * cancellation reason, as in TransactWriteItems — and no item named twice. Pure.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItems.html
 */
import type { TransactGetItem } from '../generated/types.js';
import { validationError } from './errors.js';
import type { Projection } from './expressions/index.js';
import { itemIdentity } from './item-identity.js';
import { compileTransactionPart } from './item-requests.js';
import { checkKeyAgainstSchema, ItemSchemaError, validateKeyInput } from './item-rules.js';
import type { TableRecord } from './table-model.js';
import { MULTIPLE_OPERATIONS_ON_ONE_ITEM } from './transactions.js';
import type { Item } from './types.js';

export interface ParsedGet {
  tableName: string;
  key: Item;
  projection?: Projection;
}

export interface BoundGet extends ParsedGet {
  table: TableRecord;
  schemaError?: string;
}

export function parseTransactGet(items: readonly TransactGetItem[]): ParsedGet[] {
  return items.map(({ Get: get }) => {
    const key = validateKeyInput(get.Key);
    const compiled = compileTransactionPart(get, 'GetItem');
    return { tableName: get.TableName, key, projection: compiled.projection };
  });
}

export function bindTransactGet(gets: readonly ParsedGet[], tableOf: (name: string) => TableRecord): BoundGet[] {
  const seen = new Set<string>();
  return gets.map((g) => {
    const table = tableOf(g.tableName);
    try {
      checkKeyAgainstSchema(table, g.key);
    } catch (e) {
      if (!(e instanceof ItemSchemaError)) throw e;
      return { ...g, table, schemaError: e.message };
    }
    const identity = itemIdentity(table.id, g.key);
    if (seen.has(identity)) throw validationError(MULTIPLE_OPERATIONS_ON_ONE_ITEM);
    seen.add(identity);
    return { ...g, table };
  });
}
