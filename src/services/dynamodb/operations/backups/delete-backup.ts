import { backupDescription } from '../../domain/backup-description.js';
import type { DeleteBackupInput, DeleteBackupOutput } from '../../generated/types.js';
import { scopeOf, type Ctx } from '../table-lookup.js';
import { backupNotFound } from './backup-lookup.js';

/**
 * Deletes a backup and its copy of the items, in one write; the answer describes it with
 * BackupStatus DELETED, and it is gone for every later request (BackupNotFoundException).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteBackup.html
 */
export async function deleteBackup(input: DeleteBackupInput, ctx: Ctx): Promise<DeleteBackupOutput> {
  const scope = scopeOf(ctx);
  const backup = await ctx.store.write(() => {
    const found = ctx.store.backups.get(scope, input.BackupArn);
    if (!found) throw backupNotFound(input.BackupArn);
    ctx.store.backups.delete(found);
    return found;
  });
  return { BackupDescription: backupDescription(backup, 'DELETED') };
}
