import { backupDescription } from '../../domain/backup-description.js';
import type { DescribeBackupInput, DescribeBackupOutput } from '../../generated/types.js';
import type { Ctx } from '../table-lookup.js';
import { requireBackup } from './backup-lookup.js';

/**
 * A backup's details, its source table as it was and the table's features (indexes, stream, TTL,
 * SSE); BackupNotFoundException for an unknown or deleted ARN.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeBackup.html
 */
export function describeBackup(input: DescribeBackupInput, ctx: Ctx): DescribeBackupOutput {
  return { BackupDescription: backupDescription(requireBackup(ctx, input.BackupArn)) };
}
