import { backupSummary } from '../../domain/backup-description.js';
import type { BackupType } from '../../domain/backup-model.js';
import { backupArnTime, parseDynamoArn } from '../../domain/table-arns.js';
import { validationError } from '../../domain/errors.js';
import type { BackupTypeFilter, ListBackupsInput, ListBackupsOutput } from '../../generated/types.js';
import type { BackupFilter } from '../../store/index.js';
import { scopeOf, type Ctx } from '../table-lookup.js';

/**
 * The caller's backups in its region, oldest first (as AWS lists them), filtered by table (name or
 * ARN), creation time (TimeRangeLowerBound inclusive, TimeRangeUpperBound exclusive) and type
 * (USER by default; ALL is USER and SYSTEM). A page holds `Limit` summaries (1–100, checked by the
 * model), or up to 1,000 without it (AWS pages by 1 MB, about that many); LastEvaluatedBackupArn
 * is set only when more follow, and as ExclusiveStartBackupArn continues after it even if that
 * backup was deleted in between (the order is creation time, then ARN, both in the ARN).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListBackups.html
 */
const PAGE_WITHOUT_LIMIT = 1000;

const TYPES: Record<BackupTypeFilter, readonly BackupType[]> = {
  USER: ['USER'],
  SYSTEM: ['SYSTEM'],
  AWS_BACKUP: ['AWS_BACKUP'],
  ALL: ['USER', 'SYSTEM'],
};

/** The table name a TableName filter means here, or undefined when it names another account's or region's table. */
function tableFilter(ctx: Ctx, nameOrArn: string): string | undefined {
  if (!nameOrArn.startsWith('arn:')) return nameOrArn;
  const arn = parseDynamoArn(nameOrArn);
  if (!arn || arn.subresource || arn.accountId !== ctx.accountId || arn.region !== ctx.region) return undefined;
  return arn.tableName;
}

export function listBackups(input: ListBackupsInput, ctx: Ctx): ListBackupsOutput {
  const limit = input.Limit ?? PAGE_WITHOUT_LIMIT;
  const filter: BackupFilter = { types: TYPES[input.BackupType ?? 'USER'], limit: limit + 1 };
  if (input.TableName !== undefined) {
    const name = tableFilter(ctx, input.TableName);
    if (name === undefined) return { BackupSummaries: [] };
    filter.tableName = name;
  }
  if (input.TimeRangeLowerBound) filter.fromMs = input.TimeRangeLowerBound.getTime();
  if (input.TimeRangeUpperBound) filter.beforeMs = input.TimeRangeUpperBound.getTime();
  if (input.ExclusiveStartBackupArn !== undefined) {
    const createdAt = backupArnTime(input.ExclusiveStartBackupArn);
    // Nimbus's wording: AWS's answer to a malformed start ARN has not been captured.
    if (createdAt === undefined) throw validationError(`Invalid ExclusiveStartBackupArn: ${input.ExclusiveStartBackupArn}`);
    filter.after = { createdAt, arn: input.ExclusiveStartBackupArn };
  }
  const backups = ctx.store.backups.list(scopeOf(ctx), filter);
  if (backups.length <= limit) return { BackupSummaries: backups.map(backupSummary) };
  const page = backups.slice(0, limit);
  return { BackupSummaries: page.map(backupSummary), LastEvaluatedBackupArn: page[page.length - 1]!.arn };
}
