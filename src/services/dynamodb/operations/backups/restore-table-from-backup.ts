import { randomUUID } from 'node:crypto';
import { planRestore } from '../../domain/backup-restore-rules.js';
import { describeTable } from '../../domain/table-description.js';
import { partitionOf, tableArn } from '../../domain/table-arns.js';
import { TableAlreadyExistsException } from '../../generated/errors.js';
import type { IndexStatus, RestoreTableFromBackupInput, RestoreTableFromBackupOutput } from '../../generated/types.js';
import { scopeOf, type Ctx } from '../table-lookup.js';
import { backupNotFound, requireBackup } from './backup-lookup.js';

/**
 * Creates a new table from a backup: its definition (with the request's overrides: indexes,
 * billing, throughput, SSE; domain/backup-restore-rules.ts), then its items and index entries,
 * all in one write, so the table is complete and ACTIVE when the answer leaves. Tags, stream,
 * TTL and PITR settings are not restored, as AWS documents. The answer describes the table as
 * AWS's does at that moment: CREATING, no items counted yet, RestoreInProgress true, with
 * RestoreDateTime the backup's creation time; DescribeTable shows RestoreInProgress false.
 * TableAlreadyExistsException when the target exists (`Table already exists: <name>`, CreateTable's
 * wording; AWS's restore message has not been captured).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableFromBackup.html
 */
export async function restoreTableFromBackup(input: RestoreTableFromBackupInput, ctx: Ctx): Promise<RestoreTableFromBackupOutput> {
  const scope = scopeOf(ctx);
  const backup = requireBackup(ctx, input.BackupArn);
  const partition = partitionOf(ctx.region);
  const plan = planRestore(backup, input, partition, ctx.region, ctx.accountId);
  const name = input.TargetTableName;
  const now = ctx.now().getTime();
  const table = await ctx.store.write(() => {
    const current = ctx.store.backups.get(scope, backup.arn);
    if (!current) throw backupNotFound(input.BackupArn);
    if (ctx.store.tables.get(scope, name)) throw new TableAlreadyExistsException(`Table already exists: ${name}`);
    const created = ctx.store.admin.create(scope, name, {
      ...plan,
      tableId: randomUUID(),
      arn: tableArn(partition, ctx.region, ctx.accountId, name),
      createdAt: now,
      payPerRequestSince: plan.billingMode === 'PAY_PER_REQUEST' ? now : undefined,
      deletionProtection: false,
      tags: [],
      restore: { sourceBackupArn: current.arn, sourceTableArn: current.table.arn, restoreDateTime: current.createdAt },
    });
    ctx.store.backups.restoreInto(current, created);
    return created;
  });
  const indexStatus: Record<string, IndexStatus> = {};
  for (const i of table.indexes) if (i.kind === 'GSI') indexStatus[i.name] = 'CREATING';
  const description = describeTable(table, { status: 'CREATING', indexStatus, counts: { table: { itemCount: 0, sizeBytes: 0 }, indexes: new Map() } });
  description.RestoreSummary = { ...description.RestoreSummary!, RestoreInProgress: true };
  return { TableDescription: description };
}
