/**
 * BatchGetItem's requests, checked in DynamoDB's order per table (mixing rules, key values,
 * projection, duplicates), then the 100-key total; keys are checked against each table's schema
 * once the tables are known (checkKeyAgainstSchema). Pure.
 */
import type { Projection } from './expressions/index.js';
import type { KeysAndAttributes } from '../generated/types.js';
import { duplicateKeys, MAX_BATCH_GET_KEYS, tooManyItems } from './batch-rules.js';
import { itemIdentity } from './item-identity.js';
import { checkExpressionMixing, compileItemRequest } from './item-requests.js';
import { validateKeyInput } from './item-rules.js';
import type { Item } from './types.js';

export interface BatchGetTable {
  tableName: string;
  request: KeysAndAttributes;
  /** Validated keys, in request order (request.Keys[i] is the key as sent). */
  keys: Item[];
  projection?: Projection;
  consistent: boolean;
}

export function parseBatchGet(requestItems: Record<string, KeysAndAttributes>): BatchGetTable[] {
  const out: BatchGetTable[] = [];
  let total = 0;
  for (const tableName of Object.keys(requestItems)) {
    const request = requestItems[tableName]!;
    checkExpressionMixing(request, 'BatchGetItem');
    const seen = new Set<string>();
    const keys = request.Keys.map((raw) => {
      const key = validateKeyInput(raw);
      const identity = itemIdentity(0, key);
      if (seen.has(identity)) throw duplicateKeys();
      seen.add(identity);
      return key;
    });
    const compiled = compileItemRequest(request, 'BatchGetItem');
    total += keys.length;
    out.push({ tableName, request, keys, projection: compiled.projection, consistent: request.ConsistentRead === true });
  }
  if (total > MAX_BATCH_GET_KEYS) throw tooManyItems('BatchGetItem');
  return out;
}
