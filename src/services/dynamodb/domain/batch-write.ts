/**
 * BatchWriteItem's requests, checked in DynamoDB's order: each request's shape and values and
 * the 400 KB limit, the total count, then — once the tables are known — keys against each
 * table's schema and duplicates (one item named twice, put or delete, is refused: the batch is
 * not ordered). Pure; the caller supplies the table lookup.
 */
import type { WriteRequest } from '../generated/types.js';
import { duplicateKeys, malformedWriteRequest, MAX_BATCH_WRITE_REQUESTS, tooManyItems } from './batch-rules.js';
import { itemIdentity } from './item-identity.js';
import { checkKeyAgainstSchema, checkPutAgainstSchema, validateKeyInput, validatePutInput } from './item-rules.js';
import { primaryKeyOf } from './table-keys.js';
import type { TableRecord } from './table-model.js';
import type { Item } from './types.js';

export interface ParsedWriteRequest {
  tableName: string;
  /** PutRequest's item (validated), or undefined for a DeleteRequest. */
  item?: Item;
  /** DeleteRequest's key (validated). */
  key?: Item;
}

export interface BatchWriteStep {
  tableName: string;
  table: TableRecord;
  key: Item;
  item?: Item;
}

export function parseBatchWrite(requestItems: Record<string, WriteRequest[]>): ParsedWriteRequest[] {
  const out: ParsedWriteRequest[] = [];
  for (const tableName of Object.keys(requestItems)) {
    for (const request of requestItems[tableName] ?? []) {
      const put = request.PutRequest ?? undefined;
      const del = request.DeleteRequest ?? undefined;
      if ((put === undefined) === (del === undefined)) throw malformedWriteRequest();
      out.push(put ? { tableName, item: validatePutInput(put.Item) } : { tableName, key: validateKeyInput(del!.Key) });
    }
  }
  if (out.length > MAX_BATCH_WRITE_REQUESTS) throw tooManyItems('BatchWriteItem');
  return out;
}

export function bindBatchWrite(requests: readonly ParsedWriteRequest[], tableOf: (name: string) => TableRecord): BatchWriteStep[] {
  const seen = new Set<string>();
  return requests.map((r) => {
    const table = tableOf(r.tableName);
    let key: Item;
    if (r.item) {
      checkPutAgainstSchema(table, r.item);
      key = primaryKeyOf(table, r.item);
    } else {
      key = checkKeyAgainstSchema(table, r.key!);
    }
    const identity = itemIdentity(table.id, key);
    if (seen.has(identity)) throw duplicateKeys();
    seen.add(identity);
    return { tableName: r.tableName, table, key, item: r.item };
  });
}
