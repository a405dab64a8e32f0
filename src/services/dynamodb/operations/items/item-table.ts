/**
 * Shared by the item operations: finding the table (the data plane words a missing table
 * "Requested resource not found", without the control plane's ": Table: x not found"), and
 * running one conditional write atomically.
 */
import { ConditionalCheckFailedException, ResourceNotFoundException } from '../../generated/errors.js';
import { CONDITIONAL_CHECK_FAILED } from '../../domain/item-rules.js';
import { decideWrite, type WriteStep } from '../../domain/item-writes.js';
import type { TableRecord } from '../../domain/table-model.js';
import { CapacityMeter } from '../../domain/capacity.js';
import type { UpdateExpression } from '../../domain/expressions/index.js';
import { chargeWrite } from '../../domain/item-capacity.js';
import { itemCollectionMetrics, returnedAttributes } from '../../domain/item-results.js';
import type { Item } from '../../domain/types.js';
import type { ReturnConsumedCapacity, UpdateItemOutput } from '../../generated/types.js';
import { findTable, type Ctx } from '../table-lookup.js';

export function requireItemTable(ctx: Ctx, nameOrArn: string): TableRecord {
  const table = findTable(ctx, nameOrArn);
  if (!table) throw new ResourceNotFoundException('Requested resource not found');
  return table;
}

export function conditionalCheckFailed(returnOnFailure: string | undefined, current: Item | undefined): ConditionalCheckFailedException {
  return new ConditionalCheckFailedException(CONDITIONAL_CHECK_FAILED, returnOnFailure === 'ALL_OLD' && current ? { Item: current } : undefined);
}

export interface WriteDone {
  before: Item | undefined;
  after: Item | undefined;
}

/**
 * Reads the item, checks the condition, and writes the outcome — all inside one store.write, so
 * concurrent conditional writes of one item serialize and none is lost. A failed condition
 * writes nothing and throws ConditionalCheckFailedException (with the item for
 * ReturnValuesOnConditionCheckFailure ALL_OLD) after the write returns.
 */
export async function writeOneItem(ctx: Ctx, table: TableRecord, step: WriteStep, returnOnFailure: string | undefined): Promise<WriteDone> {
  const store = ctx.store;
  const done = await store.write(() => {
    const current = store.get(table, step.key);
    const outcome = decideWrite(table, step, current);
    if (!outcome.ok) return { failed: true as const, current };
    if (outcome.next) store.put(table, outcome.next, { previous: current ?? null });
    else if (current) store.delete(table, step.key, { previous: current });
    return { failed: false as const, current, next: outcome.next };
  });
  if (done.failed) throw conditionalCheckFailed(returnOnFailure, done.current);
  return { before: done.current, after: done.next };
}

/** The request members PutItem, UpdateItem and DeleteItem answer alike. */
export interface WriteAnswerRequest {
  TableName: string;
  ReturnValues?: string;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  ReturnItemCollectionMetrics?: string;
}

/** What PutItem, UpdateItem and DeleteItem answer about one write: ReturnValues, capacity, item collection metrics. */
export function writeAnswer(
  request: WriteAnswerRequest,
  table: TableRecord,
  key: Item,
  before: Item | undefined,
  after: Item | undefined,
  update?: UpdateExpression,
): Pick<UpdateItemOutput, 'Attributes' | 'ConsumedCapacity' | 'ItemCollectionMetrics'> {
  const meter = new CapacityMeter(request.TableName, request.ReturnConsumedCapacity);
  chargeWrite(meter, table, before, after);
  const output: Pick<UpdateItemOutput, 'Attributes' | 'ConsumedCapacity' | 'ItemCollectionMetrics'> = {};
  const attributes = returnedAttributes(request.ReturnValues, before, after, update);
  if (attributes) output.Attributes = attributes;
  const consumed = meter.result();
  if (consumed) output.ConsumedCapacity = consumed;
  const metrics = itemCollectionMetrics(table, request.ReturnItemCollectionMetrics, key);
  if (metrics) output.ItemCollectionMetrics = metrics;
  return output;
}
