/**
 * One write of an item, decided against the item as it is now: the condition, then what the item
 * becomes. Pure: the operations read `current` and apply the outcome inside one store.write, so
 * read-check-write is atomic (PutItem, UpdateItem, DeleteItem, BatchWriteItem, each part of
 * TransactWriteItems).
 *
 * - put: the item replaces whatever is there.
 * - update: the UpdateExpression (or AttributeUpdates) applied to the item, or to just the key
 *   when there is none (UpdateItem creates the item: an "upsert"); the finished item is checked
 *   (index key types, 400 KB). An update without actions still creates the key-only item, but
 *   one that only removes (REMOVE, DELETE from a set) does not create a missing item — as
 *   DynamoDB answers (ScyllaDB issue 5862, tested against DynamoDB).
 * - delete: the item goes (nothing happens when there is none).
 * - check: nothing is written (TransactWriteItems' ConditionCheck).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html
 */
import { applyUpdate, evaluateCondition, type Condition, type UpdateExpression } from './expressions/index.js';
import { checkUpdatedItem } from './item-rules.js';
import { applyAttributeUpdates } from './legacy/index.js';
import type { TableDefinition } from './table-model.js';
import type { Item } from './types.js';

export type WriteAction =
  | { kind: 'put'; item: Item }
  | { kind: 'update'; update: UpdateExpression | undefined; legacy: boolean }
  | { kind: 'delete' }
  | { kind: 'check' };

export interface WriteStep {
  key: Item;
  action: WriteAction;
  condition?: Condition;
}

export type WriteOutcome =
  /** `next`: the item to store; undefined to delete it; `unchanged` for a ConditionCheck. */
  | { ok: true; next: Item | undefined; unchanged: boolean }
  | { ok: false };

type TableShape = Pick<TableDefinition, 'key' | 'indexes' | 'attributeDefinitions'>;

/** Decides one write. Throws the update's runtime errors and ItemSchemaError for a bad finished item. */
export function decideWrite(table: TableShape, step: WriteStep, current: Item | undefined): WriteOutcome {
  if (step.condition && !evaluateCondition(step.condition, current)) return { ok: false };
  const action = step.action;
  switch (action.kind) {
    case 'put':
      return { ok: true, next: action.item, unchanged: false };
    case 'delete':
      return { ok: true, next: undefined, unchanged: current === undefined };
    case 'check':
      return { ok: true, next: current, unchanged: true };
    case 'update': {
      if (!current && action.update && action.update.actions.every((a) => a.action === 'REMOVE' || a.action === 'DELETE')) {
        return { ok: true, next: undefined, unchanged: true };
      }
      let next: Item;
      if (!action.update) next = current ?? { ...step.key };
      else if (action.legacy) next = applyAttributeUpdates(action.update, current, step.key);
      else next = applyUpdate(action.update, current, step.key);
      checkUpdatedItem(table, next);
      return { ok: true, next, unchanged: false };
    }
  }
}
