import { validationError } from '../domain/errors.js';
import type { DeleteTableInput, DeleteTableOutput } from '../generated/types.js';
import { describe, requireTable, tableNameOf, tableNotFound, type Ctx } from './table-lookup.js';

/**
 * Deletes a table with its items and index entries, in one write. A table with deletion
 * protection is refused. Its stream (if enabled) is closed and stays readable for 24 hours, as
 * AWS keeps it. The answer describes the table as DELETING.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html
 */
export async function deleteTable(input: DeleteTableInput, ctx: Ctx): Promise<DeleteTableOutput> {
  const requested = requireTable(ctx, input.TableName);
  const now = ctx.now().getTime();
  const description = await ctx.store.write(() => {
    const table = ctx.store.tables.current(requested);
    if (!table) throw tableNotFound(tableNameOf(input.TableName));
    if (table.deletionProtection) {
      throw validationError('Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.');
    }
    const shown = describe(ctx, table, { status: 'DELETING' });
    ctx.store.admin.drop(table, now);
    return shown;
  });
  return { TableDescription: description };
}
