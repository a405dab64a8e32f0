/**
 * INSERT, UPDATE and DELETE as one conditional item write (ExecuteStatement, and each statement
 * of a write BatchExecuteStatement): the item read, the condition and the write happen inside
 * one store.write, so concurrent statements on one item serialize as PutItem/UpdateItem do.
 *
 * - INSERT: a put conditional on no item having the key; a taken key is DuplicateItemException.
 * - UPDATE: UpdateItem under the plan's condition, which requires the item (never an upsert).
 * - DELETE: a missing item succeeds silently, whatever the WHERE clause's other terms.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.insert.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.update.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.delete.html
 */
import type { ServiceError } from '../../../../shared/errors.js';
import { checkPutAgainstSchema, validatePutInput } from '../../domain/item-rules.js';
import { returnedAttributes } from '../../domain/item-results.js';
import { decideWrite, type WriteStep } from '../../domain/item-writes.js';
import { deleteCondition, insertCondition } from '../../domain/partiql-exec-rules.js';
import { duplicateItem, type DeletePlan, type InsertPlan, type UpdatePlan } from '../../domain/partiql/index.js';
import type { TableRecord } from '../../domain/table-model.js';
import type { Item } from '../../domain/types.js';
import type { DynamoStore } from '../../store/index.js';
import { conditionalCheckFailed } from '../items/item-table.js';

export type WritePlan = InsertPlan | UpdatePlan | DeletePlan;

/** A write statement made ready against its table. */
export interface PreparedWrite {
  plan: WritePlan;
  table: TableRecord;
  step: WriteStep;
}

export type WriteDecision = { ok: true; before: Item | undefined; after: Item | undefined } | { ok: false; current: Item | undefined };

/** Checks what the table decides about the statement (an INSERT's item: 400 KB, index key types) and builds its write. */
export function prepareWrite(table: TableRecord, plan: WritePlan): PreparedWrite {
  const hash = table.key.hash.name;
  switch (plan.kind) {
    case 'insert': {
      const item = validatePutInput(plan.item);
      checkPutAgainstSchema(table, item);
      return { plan, table, step: { key: plan.key, action: { kind: 'put', item }, condition: insertCondition(hash) } };
    }
    case 'update':
      return { plan, table, step: { key: plan.key, action: { kind: 'update', update: plan.update, legacy: false }, condition: plan.condition } };
    case 'delete':
      return { plan, table, step: { key: plan.key, action: { kind: 'delete' }, condition: deleteCondition(hash, plan.condition) } };
  }
}

/** Reads, decides and writes one statement's item. Only inside store.write. */
export function applyWrite(store: DynamoStore, w: PreparedWrite): WriteDecision {
  const current = store.get(w.table, w.step.key);
  const outcome = decideWrite(w.table, w.step, current);
  if (!outcome.ok) return { ok: false, current };
  if (outcome.next) store.put(w.table, outcome.next, { previous: current ?? null });
  else if (current) store.delete(w.table, w.step.key, { previous: current });
  return { ok: true, before: current, after: outcome.next };
}

/** The exception of a write whose condition failed: an INSERT's taken key, or ConditionalCheckFailedException. */
export function writeFailure(w: PreparedWrite, current: Item | undefined, returnOnFailure: string | undefined): ServiceError {
  return w.plan.kind === 'insert' ? duplicateItem() : conditionalCheckFailed(returnOnFailure, current);
}

/** What the statement answers in Items: its RETURNING rows (an empty MODIFIED projection is no row), else none. */
export function returningRows(plan: WritePlan, before: Item | undefined, after: Item | undefined): Item[] {
  if (plan.kind === 'insert' || !plan.returnValues) return [];
  const update = plan.kind === 'update' ? plan.update : undefined;
  const row = returnedAttributes(plan.returnValues, before, after, update);
  return row ? [row] : [];
}
