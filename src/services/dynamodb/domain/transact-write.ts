/**
 * TransactWriteItems' actions, checked and decided in DynamoDB's order. Pure; the caller supplies
 * the table lookup and the reads (inside one store.write).
 *
 * 1. parse: each action in request order — exactly one of Put, Update, Delete, ConditionCheck;
 *    its values, 400 KB for a Put, its expressions. The first problem is a ValidationException.
 * 2. bind (tables known): keys against the schema. A wrong key type, missing key or index key of
 *    the wrong type is not an error yet: it becomes the action's `ValidationError` reason. An
 *    empty key or index key value, an update of a key attribute and two actions on one item are
 *    ValidationExceptions.
 * 3. decide (items read): every action's condition and outcome; if any action fails, the
 *    transaction is cancelled with one reason per action. Nothing is written until all pass.
 * Captured against DynamoDB (conformance suites, 2026): the split between reasons and
 * ValidationExceptions above, "Transaction request cannot include multiple operations on one
 * item", "TransactItems can only contain one of Check, Put, Update or Delete", "Invalid Request:
 * TransactWriteRequest should contain Delete or Put or Update request" (us-east-1's wording).
 */
import { ServiceError } from '../../../shared/errors.js';
import type { CancellationReason, TransactWriteItem } from '../generated/types.js';
import { validationError } from './errors.js';
import { assertUpdateSparesKey } from './expressions/index.js';
import { itemIdentity } from './item-identity.js';
import { compileTransactionPart, type CompiledItemRequest } from './item-requests.js';
import { checkKeyAgainstSchema, checkPutAgainstSchema, ItemSchemaError, UnsupportedIndexKeyValue, validateKeyInput, validatePutInput } from './item-rules.js';
import { decideWrite, type WriteAction } from './item-writes.js';
import { primaryKeyOf } from './table-keys.js';
import type { TableRecord } from './table-model.js';
import { conditionFailedReason, MULTIPLE_OPERATIONS_ON_ONE_ITEM, NO_REASON, validationReason } from './transactions.js';
import type { Item } from './types.js';

export type TransactWriteKind = 'Put' | 'Update' | 'Delete' | 'ConditionCheck';

export interface ParsedWriteAction {
  kind: TransactWriteKind;
  tableName: string;
  /** Put: the item; others: the Key (validated). */
  item?: Item;
  key?: Item;
  compiled: CompiledItemRequest;
  returnOnFailure?: string;
}

export interface BoundWriteAction extends ParsedWriteAction {
  table: TableRecord;
  key: Item;
  action: WriteAction;
  /** The ValidationError reason found against the schema, if any (the action then runs no further). */
  schemaError?: string;
}

export interface DecidedWrite {
  before: Item | undefined;
  next: Item | undefined;
  unchanged: boolean;
}

const KINDS: readonly TransactWriteKind[] = ['ConditionCheck', 'Put', 'Delete', 'Update'];
const OPERATION_OF: Record<TransactWriteKind, string> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheck' };

export function parseTransactWrite(items: readonly TransactWriteItem[]): ParsedWriteAction[] {
  return items.map((entry) => {
    const kinds = KINDS.filter((k) => entry[k] !== undefined && entry[k] !== null);
    if (kinds.length === 0) throw validationError('Invalid Request: TransactWriteRequest should contain Delete or Put or Update request');
    if (kinds.length > 1) throw validationError('TransactItems can only contain one of Check, Put, Update or Delete');
    const kind = kinds[0]!;
    const part = entry[kind]!;
    const parsed: ParsedWriteAction = { kind, tableName: part.TableName, compiled: { legacyUpdate: false }, returnOnFailure: part.ReturnValuesOnConditionCheckFailure };
    if (kind === 'Put') parsed.item = validatePutInput(entry.Put!.Item);
    else parsed.key = validateKeyInput((part as { Key: Item }).Key);
    parsed.compiled = compileTransactionPart(part, OPERATION_OF[kind]);
    return parsed;
  });
}

export function bindTransactWrite(actions: readonly ParsedWriteAction[], tableOf: (name: string) => TableRecord): BoundWriteAction[] {
  const seen = new Set<string>();
  return actions.map((a) => {
    const table = tableOf(a.tableName);
    let schemaError: string | undefined;
    let key: Item = a.key ?? {};
    try {
      if (a.kind === 'Put') {
        checkPutAgainstSchema(table, a.item!);
        key = primaryKeyOf(table, a.item!);
      } else {
        checkKeyAgainstSchema(table, key);
      }
    } catch (e) {
      if (!(e instanceof ItemSchemaError)) throw e;
      schemaError = e.message;
    }
    if (a.kind === 'Update' && a.compiled.update) assertUpdateSparesKey(a.compiled.update, table.key);
    if (schemaError === undefined) {
      const identity = itemIdentity(table.id, key);
      if (seen.has(identity)) throw validationError(MULTIPLE_OPERATIONS_ON_ONE_ITEM);
      seen.add(identity);
    }
    return { ...a, table, key, action: actionOf(a), schemaError };
  });
}

function actionOf(a: ParsedWriteAction): WriteAction {
  switch (a.kind) {
    case 'Put':
      return { kind: 'put', item: a.item! };
    case 'Update':
      return { kind: 'update', update: a.compiled.update, legacy: false };
    case 'Delete':
      return { kind: 'delete' };
    case 'ConditionCheck':
      return { kind: 'check' };
  }
}

/**
 * Every action's outcome against the items as `read` finds them, or the cancellation reasons
 * when any action fails. A runtime update error (a missing operand, a wrong type, an item grown
 * past 400 KB) is that action's ValidationError; an empty index key value is thrown.
 */
export function decideTransactWrite(
  actions: readonly BoundWriteAction[],
  read: (action: BoundWriteAction) => Item | undefined,
): { ok: true; writes: DecidedWrite[] } | { ok: false; reasons: CancellationReason[] } {
  const reasons: CancellationReason[] = [];
  const writes: DecidedWrite[] = [];
  let failed = false;
  for (const a of actions) {
    if (a.schemaError !== undefined) {
      reasons.push(validationReason(a.schemaError));
      failed = true;
      continue;
    }
    const before = read(a);
    try {
      const outcome = decideWrite(a.table, { key: a.key, action: a.action, condition: a.compiled.condition }, before);
      if (!outcome.ok) {
        reasons.push(conditionFailedReason(a.returnOnFailure, before));
        failed = true;
        continue;
      }
      reasons.push(NO_REASON);
      writes.push({ before, next: outcome.next, unchanged: outcome.unchanged });
    } catch (e) {
      if (e instanceof UnsupportedIndexKeyValue || !(e instanceof ServiceError) || e.code !== 'ValidationException') throw e;
      reasons.push(validationReason(e.message));
      failed = true;
    }
  }
  return failed ? { ok: false, reasons } : { ok: true, writes };
}
