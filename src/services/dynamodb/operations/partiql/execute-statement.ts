/**
 * ExecuteStatement: one PartiQL statement. SELECT reads a page (statement-select.ts); INSERT,
 * UPDATE and DELETE write one item (statement-writes.ts) and answer `Items: []`, or their
 * RETURNING row; EXISTS is refused outside ExecuteTransaction.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteStatement.html
 *
 * Order of checks: the statement (syntax, Parameters, then the table for writes:
 * domain/partiql/compile.ts), the table and index of a SELECT, the NextToken, the item.
 * A NextToken is only ever minted by a SELECT and bound to its text, so one given with a write
 * cannot match it.
 */
import { CapacityMeter } from '../../domain/capacity.js';
import { chargeWrite } from '../../domain/item-capacity.js';
import { decodeNextToken, statementBinding } from '../../domain/partiql-exec-token.js';
import { compileStatement, existsOutsideTransaction } from '../../domain/partiql/index.js';
import type { ExecuteStatementInput, ExecuteStatementOutput } from '../../generated/types.js';
import type { Ctx } from '../table-lookup.js';
import { runSelect } from './statement-select.js';
import { StatementTables } from './statement-tables.js';
import { applyWrite, prepareWrite, returningRows, writeFailure, type WritePlan } from './statement-writes.js';

export async function executeStatement(input: ExecuteStatementInput, ctx: Ctx): Promise<ExecuteStatementOutput> {
  const tables = new StatementTables(ctx);
  const plan = compileStatement(input.Statement, input.Parameters, tables.keySchemaOf);
  const binding = statementBinding(input.Statement, input.Parameters);
  if (plan.kind === 'exists') throw existsOutsideTransaction();
  if (plan.kind === 'select') {
    const page = runSelect(ctx, tables, plan, {
      limit: input.Limit,
      nextToken: input.NextToken,
      consistent: input.ConsistentRead === true,
      returnConsumedCapacity: input.ReturnConsumedCapacity,
      binding,
    });
    const output: ExecuteStatementOutput = { Items: page.items };
    if (page.nextToken !== undefined) output.NextToken = page.nextToken;
    if (page.lastEvaluatedKey) output.LastEvaluatedKey = page.lastEvaluatedKey;
    if (page.consumedCapacity) output.ConsumedCapacity = page.consumedCapacity;
    return output;
  }
  if (input.NextToken !== undefined && input.NextToken !== null) decodeNextToken(input.NextToken, binding);
  return writeStatement(ctx, tables, plan, input);
}

async function writeStatement(ctx: Ctx, tables: StatementTables, plan: WritePlan, input: ExecuteStatementInput): Promise<ExecuteStatementOutput> {
  const write = prepareWrite(tables.tableOf(plan.table), plan);
  const decision = await ctx.store.write(() => applyWrite(ctx.store, write));
  if (!decision.ok) throw writeFailure(write, decision.current, input.ReturnValuesOnConditionCheckFailure);

  const output: ExecuteStatementOutput = { Items: returningRows(plan, decision.before, decision.after) };
  const meter = new CapacityMeter(plan.table, input.ReturnConsumedCapacity);
  chargeWrite(meter, write.table, decision.before, decision.after);
  const consumed = meter.result();
  if (consumed) output.ConsumedCapacity = consumed;
  return output;
}
