import { partitionOf } from '../domain/table-arns.js';
import { planTableUpdate } from '../domain/table-update-rules.js';
import type { TableRecord } from '../domain/table-model.js';
import type { UpdateTableInput, UpdateTableOutput } from '../generated/types.js';
import { describe, requireTable, tableNameOf, tableNotFound, type Ctx } from './table-lookup.js';

/**
 * Changes a table: billing mode and throughput, one GSI created (filled from the table's items
 * before the answer) or deleted, GSI throughput, the stream (a re-enabled stream is a new stream
 * with a new label and ARN), encryption, deletion protection, table class. Rules:
 * domain/table-update-rules.ts. The answer shows TableStatus UPDATING and the changed index
 * CREATING/DELETING/UPDATING, as AWS's does; DescribeTable right after shows the result, ACTIVE.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html
 */
export async function updateTable(input: UpdateTableInput, ctx: Ctx): Promise<UpdateTableOutput> {
  const requested = requireTable(ctx, input.TableName);
  const now = ctx.now().getTime();
  const description = await ctx.store.write(() => {
    const table = ctx.store.tables.current(requested);
    if (!table) throw tableNotFound(tableNameOf(input.TableName));
    const plan = planTableUpdate(table, table.name, input, now, ctx.region, ctx.accountId, partitionOf(ctx.region));
    const admin = ctx.store.admin;
    let updated: TableRecord = admin.update(table, plan.definition);
    if (plan.createIndex) updated = admin.addIndex(updated, plan.createIndex.index, plan.createIndex.attributeDefinitions);
    const deleted = plan.deleteIndex && updated.indexes.find((i) => i.name === plan.deleteIndex!.name);
    if (plan.deleteIndex) updated = admin.dropIndex(updated, plan.deleteIndex.name, plan.deleteIndex.attributeDefinitions);
    if (plan.stream && 'enable' in plan.stream) updated = admin.enableStream(updated, plan.stream.enable, now);
    if (plan.stream && 'disable' in plan.stream) updated = admin.disableStream(updated, now);
    // The answer still lists a deleted index (DELETING) in its place. A request that deletes an
    // index creates none, so the other indexes are the table's.
    const shown: TableRecord = deleted
      ? { ...updated, indexes: table.indexes.map((i) => updated.indexes.find((u) => u.name === i.name) ?? deleted) }
      : updated;
    return describe(ctx, shown, { status: 'UPDATING', indexStatus: plan.indexStatus });
  });
  return { TableDescription: description };
}
