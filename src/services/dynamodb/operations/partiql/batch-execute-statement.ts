/**
 * BatchExecuteStatement: up to 25 statements (the model's limit, checked by the validator), all
 * reads or all writes, each answered on its own in request order: `{ TableName, Item? }`, or
 * `{ TableName?, Error: { Code, Message, Item? } }` with the error a lone ExecuteStatement would
 * have thrown. The batch itself fails only for what concerns all of it.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchExecuteStatement.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.multiplestatements.batching.html
 *
 * - A mix of reads and writes is refused: "Read and write requests together in the same batch is
 *   not supported." (DynamoDB Local's catalogue, as conformance suites quote it). Statements that
 *   did not parse, and EXISTS (refused per statement, as outside any transaction), take no part.
 * - A SELECT must name one item by its full primary key, not an index (captured per statement:
 *   batchSelectNeedsKey()).
 * - One item named twice is "Provided list of item keys contains duplicates" (best knowledge:
 *   the batch runs as BatchGetItem / BatchWriteItem, which answer so).
 * - Reads are one consistent snapshot; writes run in one store.write, each decided on its own (a
 *   failed condition fails that statement only), as BatchWriteItem does.
 * TableName is answered whenever the statement names a table that it parsed to (the API reference
 * documents it for failed statements; successful ones carry it too).
 */
import { isServiceError, type ServiceError } from '../../../../shared/errors.js';
import { duplicateKeys } from '../../domain/batch-rules.js';
import { CapacityMeters } from '../../domain/capacity.js';
import { validationError } from '../../domain/errors.js';
import { evaluateCondition } from '../../domain/expressions/index.js';
import { chargeRead, chargeWrite } from '../../domain/item-capacity.js';
import { itemIdentity } from '../../domain/item-identity.js';
import { batchErrorCode } from '../../domain/partiql-exec-rules.js';
import { batchSelectNeedsKey, existsOutsideTransaction, planSelect, projectSelectItem, type SelectPlan } from '../../domain/partiql/index.js';
import type { Item } from '../../domain/types.js';
import type { BatchExecuteStatementInput, BatchExecuteStatementOutput, BatchStatementRequest, BatchStatementResponse } from '../../generated/types.js';
import type { Ctx } from '../table-lookup.js';
import { compileEntry, isRead, isWrite, type StatementEntry } from './statement-entries.js';
import { StatementTables } from './statement-tables.js';
import { applyWrite, prepareWrite, returningRows, writeFailure, type PreparedWrite, type WritePlan } from './statement-writes.js';

export const MIXED_BATCH = 'Read and write requests together in the same batch is not supported.';

export async function batchExecuteStatement(input: BatchExecuteStatementInput, ctx: Ctx): Promise<BatchExecuteStatementOutput> {
  const tables = new StatementTables(ctx);
  const entries = input.Statements.map((s) => compileEntry(s.Statement, s.Parameters, tables));
  for (const e of entries) if (e.kind === 'exists') e.error = existsOutsideTransaction();
  const reads = entries.some((e) => isRead(e.kind));
  const writes = entries.some((e) => isWrite(e.kind) && e.kind !== 'exists');
  if (reads && writes) throw validationError(MIXED_BATCH);

  const meters = new CapacityMeters(input.ReturnConsumedCapacity);
  const responses = reads ? readBatch(ctx, tables, input.Statements, entries, meters) : await writeBatch(ctx, tables, input.Statements, entries, meters);
  const output: BatchExecuteStatementOutput = { Responses: responses };
  const consumed = meters.results();
  if (consumed && consumed.length > 0) output.ConsumedCapacity = consumed;
  return output;
}

function readBatch(ctx: Ctx, tables: StatementTables, requests: readonly BatchStatementRequest[], entries: StatementEntry[], meters: CapacityMeters): BatchStatementResponse[] {
  const keys = entries.map((e) => attempt(e, () => singleKey(tables, e.plan as SelectPlan)));
  refuseDuplicates(entries, keys, tables);
  // No await between the reads: one consistent snapshot.
  return entries.map((e, i) => {
    const key = keys[i];
    if (e.error || !key) return failed(e, e.error as ServiceError);
    const plan = e.plan as SelectPlan;
    const item = ctx.store.get(tables.tableOf(plan.table), key);
    chargeRead(meters.of(plan.table), item, requests[i]?.ConsistentRead === true);
    const response: BatchStatementResponse = { TableName: plan.table };
    if (item && (!plan.filter || evaluateCondition(plan.filter, item))) response.Item = projectSelectItem(plan.projection, item);
    return response;
  });
}

async function writeBatch(ctx: Ctx, tables: StatementTables, requests: readonly BatchStatementRequest[], entries: StatementEntry[], meters: CapacityMeters): Promise<BatchStatementResponse[]> {
  const prepared = entries.map((e) => attempt(e, () => prepareWrite(tables.tableOf((e.plan as WritePlan).table), e.plan as WritePlan)));
  refuseDuplicates(entries, prepared.map((w) => w?.step.key), tables);
  const store = ctx.store;
  const decisions = await store.write(() =>
    prepared.map((w) => {
      if (!w) return undefined;
      try {
        return applyWrite(store, w);
      } catch (e) {
        // A runtime problem of this statement's update (a missing operand, a type clash …) fails it alone.
        if (!isServiceError(e)) throw e;
        return { ok: false as const, error: e };
      }
    }),
  );
  return entries.map((e, i) => {
    const w = prepared[i] as PreparedWrite | undefined;
    const d = decisions[i];
    if (e.error || !w || !d) return failed(e, e.error as ServiceError);
    if (!d.ok) return failed(e, 'error' in d ? d.error : writeFailure(w, d.current, requests[i]?.ReturnValuesOnConditionCheckFailure));
    chargeWrite(meters.of(w.plan.table), w.table, d.before, d.after);
    const response: BatchStatementResponse = { TableName: w.plan.table };
    const row = returningRows(w.plan, d.before, d.after)[0];
    if (row) response.Item = row;
    return response;
  });
}

/** Runs a per-statement step; its ServiceError becomes the statement's error. */
function attempt<T>(entry: StatementEntry, step: () => T): T | undefined {
  if (entry.error) return undefined;
  try {
    return step();
  } catch (e) {
    if (!isServiceError(e)) throw e;
    entry.error = e;
    return undefined;
  }
}

/** A batch SELECT reads one item by its table's full primary key. */
function singleKey(tables: StatementTables, plan: SelectPlan): Item {
  if (plan.index !== undefined) throw batchSelectNeedsKey();
  const access = planSelect(plan, tables.tableOf(plan.table).key);
  if (access.kind !== 'get' || access.keys.length !== 1) throw batchSelectNeedsKey();
  return access.keys[0] as Item;
}

function refuseDuplicates(entries: readonly StatementEntry[], keys: readonly (Item | undefined)[], tables: StatementTables): void {
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const key = keys[i];
    if (e.error || !key || !e.tableName) return;
    const identity = itemIdentity(tables.tableOf(e.tableName).id, key);
    if (seen.has(identity)) throw duplicateKeys();
    seen.add(identity);
  });
}

function failed(entry: StatementEntry, error: ServiceError): BatchStatementResponse {
  const response: BatchStatementResponse = { Error: { Code: batchErrorCode(error), Message: error.message } };
  const item = error.fields.Item as Item | undefined;
  if (item) response.Error!.Item = item;
  if (entry.tableName !== undefined) response.TableName = entry.tableName;
  return response;
}
