import { randomBytes } from 'node:crypto';
import { backupDetails } from '../../domain/backup-description.js';
import { backupArn } from '../../domain/table-arns.js';
import { TableNotFoundException } from '../../generated/errors.js';
import type { CreateBackupInput, CreateBackupOutput } from '../../generated/types.js';
import { findTable, tableNameOf, type Ctx } from '../table-lookup.js';

/**
 * Takes an on-demand backup: the table's items and definition, copied in one write, so the backup
 * holds exactly the writes committed before it. The answer says CREATING, as AWS's does (AWS
 * builds the backup asynchronously); DescribeBackup right after says AVAILABLE. A missing table is
 * TableNotFoundException `Table not found: <name>`, not ResourceNotFoundException.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateBackup.html
 */
export async function createBackup(input: CreateBackupInput, ctx: Ctx): Promise<CreateBackupOutput> {
  const name = tableNameOf(input.TableName);
  const requested = findTable(ctx, input.TableName);
  if (!requested) throw new TableNotFoundException(`Table not found: ${name}`);
  const now = ctx.now().getTime();
  const backup = await ctx.store.write(() => {
    const table = ctx.store.tables.current(requested);
    if (!table) throw new TableNotFoundException(`Table not found: ${name}`);
    const arn = backupArn(table.arn, now, randomBytes(4).toString('hex'));
    return ctx.store.backups.create(table, { arn, name: input.BackupName, createdAt: now });
  });
  return { BackupDetails: backupDetails(backup, 'CREATING') };
}
