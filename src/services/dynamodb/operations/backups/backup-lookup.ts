/**
 * Finding the backup a request names by its ARN, shared by the backup operations. Backups are
 * scoped like tables: an ARN of another account or region finds nothing here.
 */
import type { BackupRecord } from '../../domain/backup-model.js';
import { BackupNotFoundException } from '../../generated/errors.js';
import { scopeOf, type Ctx } from '../table-lookup.js';

/** DynamoDB's message: `Backup not found: <arn>` (as seen in DescribeBackup answers). */
export function backupNotFound(arn: string): BackupNotFoundException {
  return new BackupNotFoundException(`Backup not found: ${arn}`);
}

export function requireBackup(ctx: Ctx, arn: string): BackupRecord {
  const backup = ctx.store.backups.get(scopeOf(ctx), arn);
  if (!backup) throw backupNotFound(arn);
  return backup;
}
