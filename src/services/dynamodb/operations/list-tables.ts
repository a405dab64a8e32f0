import type { ListTablesInput, ListTablesOutput } from '../generated/types.js';
import { scopeOf, type Ctx } from './table-lookup.js';

/**
 * Table names of the account and region in ascending order, at most `Limit` (default 100) after
 * `ExclusiveStartTableName`; LastEvaluatedTableName is set when more names follow.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
 */
export function listTables(input: ListTablesInput, ctx: Ctx): ListTablesOutput {
  const limit = input.Limit ?? 100;
  const names = ctx.store.tables.names(scopeOf(ctx), input.ExclusiveStartTableName, limit + 1);
  if (names.length <= limit) return { TableNames: names };
  const page = names.slice(0, limit);
  return { TableNames: page, LastEvaluatedTableName: page[page.length - 1] };
}
