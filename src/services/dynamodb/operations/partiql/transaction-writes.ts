/**
 * ExecuteTransaction's writes, run by TransactWriteItems' machinery (domain/transact-write.ts):
 * INSERT is a Put conditional on the key being free, UPDATE an Update under the plan's condition,
 * DELETE a Delete that passes when the item is missing, EXISTS a ConditionCheck that needs the
 * item. One store.write decides every statement before writing any; a failure cancels the whole
 * transaction with one reason per statement in order — an INSERT whose key is taken answers
 * `DuplicateItem` ("Duplicate primary key exists in table", best knowledge: the code the API's
 * BatchStatementError enum names, and what DynamoDB's PartiQL layer raises for the same INSERT alone).
 * ClientRequestToken: the item operations' token table (a repeat within 10 minutes succeeds
 * without writing and is charged as reads; other parameters → IdempotentParameterMismatchException).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteTransaction.html
 */
import { CapacityMeters } from '../../domain/capacity.js';
import { chargeRead, chargeWrite } from '../../domain/item-capacity.js';
import { validatePutInput } from '../../domain/item-rules.js';
import { deleteCondition, existsCondition, insertCondition } from '../../domain/partiql-exec-rules.js';
import { duplicateItem, type DeletePlan, type ExistsPlan, type InsertPlan, type UpdatePlan } from '../../domain/partiql/index.js';
import { bindTransactWrite, type ParsedWriteAction } from '../../domain/transact-write.js';
import { requestFingerprint, transactionCanceled } from '../../domain/transactions.js';
import type { CancellationReason, ExecuteTransactionInput, ExecuteTransactionOutput } from '../../generated/types.js';
import { commitTransaction } from '../items/transaction-commit.js';
import type { Ctx } from '../table-lookup.js';
import type { StatementTables } from './statement-tables.js';

export type TransactionWritePlan = InsertPlan | UpdatePlan | DeletePlan | ExistsPlan;

export async function runWriteTransaction(ctx: Ctx, tables: StatementTables, plans: TransactionWritePlan[], input: ExecuteTransactionInput): Promise<ExecuteTransactionOutput> {
  const parsed = plans.map((plan, i) => actionOf(plan, tables, input.TransactStatements[i]?.ReturnValuesOnConditionCheckFailure));
  const actions = bindTransactWrite(parsed, (name) => tables.tableOf(name));

  const token = input.ClientRequestToken;
  // The statements and their parameters only: a repeat may ask for ConsumedCapacity (it is then
  // charged as reads, as the API reference describes). Prefixed, so that the same token on
  // TransactWriteItems names other parameters.
  const fingerprint = token === undefined ? '' : `ExecuteTransaction\u0000${requestFingerprint({ TransactStatements: input.TransactStatements })}`;
  const result = await commitTransaction(ctx, actions, token, fingerprint);
  if ('reasons' in result) throw transactionCanceled(result.reasons.map((r, i) => reasonFor(plans[i] as TransactionWritePlan, r)));

  const meters = new CapacityMeters(input.ReturnConsumedCapacity);
  actions.forEach((a, i) => {
    const meter = meters.of(a.tableName);
    if ('replay' in result) chargeRead(meter, result.reads[i], true, true);
    else if (a.kind === 'ConditionCheck') chargeRead(meter, result.writes[i]?.before, true, true);
    else chargeWrite(meter, a.table, result.writes[i]?.before, result.writes[i]?.next, true);
  });
  const output: ExecuteTransactionOutput = { Responses: [] };
  const consumed = meters.results();
  if (consumed) output.ConsumedCapacity = consumed;
  return output;
}

function actionOf(plan: TransactionWritePlan, tables: StatementTables, returnOnFailure: string | undefined): ParsedWriteAction {
  const hash = tables.tableOf(plan.table).key.hash.name;
  const base = { tableName: plan.table, returnOnFailure };
  switch (plan.kind) {
    case 'insert':
      return { ...base, kind: 'Put', item: validatePutInput(plan.item), compiled: { condition: insertCondition(hash), legacyUpdate: false } };
    case 'update':
      return { ...base, kind: 'Update', key: plan.key, compiled: { update: plan.update, condition: plan.condition, legacyUpdate: false } };
    case 'delete':
      return { ...base, kind: 'Delete', key: plan.key, compiled: { condition: deleteCondition(hash, plan.condition), legacyUpdate: false } };
    case 'exists':
      return { ...base, kind: 'ConditionCheck', key: plan.key, compiled: { condition: existsCondition(hash, plan.condition), legacyUpdate: false } };
  }
}

function reasonFor(plan: TransactionWritePlan, reason: CancellationReason): CancellationReason {
  if (plan.kind !== 'insert' || reason.Code !== 'ConditionalCheckFailed') return reason;
  return { Code: 'DuplicateItem', Message: duplicateItem().message };
}

