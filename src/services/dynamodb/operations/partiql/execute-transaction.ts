/**
 * ExecuteTransaction: up to 100 statements (the model's limit), all reads (SELECT of one item by
 * its full primary key, as TransactGetItems) or all writes (INSERT, UPDATE, DELETE and EXISTS,
 * as TransactWriteItems' Put, Update, Delete and ConditionCheck), atomically.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteTransaction.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.multiplestatements.transactions.html
 *
 * Checks, in order: each statement compiles (its ValidationException wrapped as "Validation
 * failed in TransactStatements[i]: …", captured) and has no RETURNING; then "ExecuteTransaction
 * API does not support both read and write operations in the same request." (captured); then each
 * SELECT names one item of a table (TRANSACTION_DETAIL, wrapped), and no item is named twice.
 * Writes: transaction-writes.ts (cancellation reasons in order, ClientRequestToken). Reads: one
 * snapshot, `Responses` one `{ Item? }` per statement; writes answer `Responses: []` (captured).
 */
import { isServiceError } from '../../../../shared/errors.js';
import { CapacityMeters } from '../../domain/capacity.js';
import { validationError } from '../../domain/errors.js';
import { evaluateCondition } from '../../domain/expressions/index.js';
import { chargeRead } from '../../domain/item-capacity.js';
import { itemIdentity } from '../../domain/item-identity.js';
import {
  compileStatement,
  planSelect,
  projectSelectItem,
  TRANSACTION_DETAIL,
  transactionStatementError,
  type Plan,
  type SelectPlan,
} from '../../domain/partiql/index.js';
import { MULTIPLE_OPERATIONS_ON_ONE_ITEM } from '../../domain/transactions.js';
import type { Item } from '../../domain/types.js';
import type { ExecuteTransactionInput, ExecuteTransactionOutput, ItemResponse } from '../../generated/types.js';
import type { Ctx } from '../table-lookup.js';
import { StatementTables } from './statement-tables.js';
import { runWriteTransaction } from './transaction-writes.js';

export const MIXED_TRANSACTION = 'ExecuteTransaction API does not support both read and write operations in the same request.';

export async function executeTransaction(input: ExecuteTransactionInput, ctx: Ctx): Promise<ExecuteTransactionOutput> {
  const tables = new StatementTables(ctx);
  const plans = input.TransactStatements.map((s, i) => {
    const plan = inStatement(i, () => compileStatement(s.Statement, s.Parameters, tables.keySchemaOf));
    if ((plan.kind === 'update' || plan.kind === 'delete') && plan.returnValues !== undefined) {
      throw transactionStatementError(i, TRANSACTION_DETAIL.returning);
    }
    return plan;
  });
  const reads = plans.filter((p) => p.kind === 'select').length;
  if (reads > 0 && reads < plans.length) throw validationError(MIXED_TRANSACTION);
  if (reads === 0) return runWriteTransaction(ctx, tables, plans as Exclude<Plan, SelectPlan>[], input);
  return readTransaction(ctx, tables, plans as SelectPlan[], input);
}

function readTransaction(ctx: Ctx, tables: StatementTables, plans: SelectPlan[], input: ExecuteTransactionInput): ExecuteTransactionOutput {
  const keys = plans.map((plan, i) =>
    inStatement(i, () => {
      if (plan.index !== undefined) throw validationError(TRANSACTION_DETAIL.readOnIndex);
      const access = planSelect(plan, tables.tableOf(plan.table).key);
      if (access.kind !== 'get' || access.keys.length !== 1) throw validationError(TRANSACTION_DETAIL.selectNeedsKey);
      return access.keys[0] as Item;
    }),
  );
  const seen = new Set<string>();
  plans.forEach((plan, i) => {
    const identity = itemIdentity(tables.tableOf(plan.table).id, keys[i] as Item);
    if (seen.has(identity)) throw validationError(MULTIPLE_OPERATIONS_ON_ONE_ITEM);
    seen.add(identity);
  });

  // No await between the reads: one snapshot.
  const meters = new CapacityMeters(input.ReturnConsumedCapacity);
  const responses: ItemResponse[] = plans.map((plan, i) => {
    const item = ctx.store.get(tables.tableOf(plan.table), keys[i] as Item);
    chargeRead(meters.of(plan.table), item, true, true);
    if (!item || (plan.filter && !evaluateCondition(plan.filter, item))) return {};
    return { Item: projectSelectItem(plan.projection, item) };
  });
  const output: ExecuteTransactionOutput = { Responses: responses };
  const consumed = meters.results();
  if (consumed) output.ConsumedCapacity = consumed;
  return output;
}

/** A statement's own ValidationException, as "Validation failed in TransactStatements[i]: <message>". */
function inStatement<T>(index: number, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (isServiceError(e) && e.code === 'ValidationException') throw transactionStatementError(index, e.message);
    throw e;
  }
}
