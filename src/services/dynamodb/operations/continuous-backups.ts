import { validationError } from '../domain/errors.js';
import type { TableRecord } from '../domain/table-model.js';
import { TableNotFoundException } from '../generated/errors.js';
import type {
  ContinuousBackupsDescription,
  DescribeContinuousBackupsInput,
  DescribeContinuousBackupsOutput,
  UpdateContinuousBackupsInput,
  UpdateContinuousBackupsOutput,
} from '../generated/types.js';
import { findTable, tableNameOf, type Ctx } from './table-lookup.js';

/**
 * Point-in-time recovery settings: accepted, stored and reported (restores are not implemented).
 * Continuous backups are always ENABLED on DynamoDB tables; PITR is off until enabled. These two
 * operations answer a missing table with TableNotFoundException, unlike the others.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateContinuousBackups.html
 */
const DEFAULT_RECOVERY_DAYS = 35;

function tableFor(ctx: Ctx, name: string): TableRecord {
  const table = findTable(ctx, name);
  if (!table) throw new TableNotFoundException(`Table not found: ${tableNameOf(name)}`);
  return table;
}

function description(table: TableRecord, nowMs: number): ContinuousBackupsDescription {
  const pitr = table.pitr;
  if (!pitr?.enabled) return { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } };
  const earliest = Math.max(pitr.enabledAt ?? nowMs, nowMs - pitr.recoveryPeriodInDays * 86_400_000);
  return {
    ContinuousBackupsStatus: 'ENABLED',
    PointInTimeRecoveryDescription: {
      PointInTimeRecoveryStatus: 'ENABLED',
      RecoveryPeriodInDays: pitr.recoveryPeriodInDays,
      EarliestRestorableDateTime: new Date(earliest),
      LatestRestorableDateTime: new Date(nowMs),
    },
  };
}

export function describeContinuousBackups(input: DescribeContinuousBackupsInput, ctx: Ctx): DescribeContinuousBackupsOutput {
  return { ContinuousBackupsDescription: description(tableFor(ctx, input.TableName), ctx.now().getTime()) };
}

export async function updateContinuousBackups(input: UpdateContinuousBackupsInput, ctx: Ctx): Promise<UpdateContinuousBackupsOutput> {
  const requested = tableFor(ctx, input.TableName);
  const spec = input.PointInTimeRecoverySpecification;
  if (!spec.PointInTimeRecoveryEnabled && spec.RecoveryPeriodInDays !== undefined) {
    throw validationError('Invalid Request: Cannot specify RecoveryPeriodInDays when disabling point-in-time recovery.');
  }
  const now = ctx.now().getTime();
  const updated = await ctx.store.write(() => {
    const table = ctx.store.tables.current(requested);
    if (!table) throw new TableNotFoundException(`Table not found: ${requested.name}`);
    const was = table.pitr;
    const pitr = spec.PointInTimeRecoveryEnabled
      ? { enabled: true, recoveryPeriodInDays: spec.RecoveryPeriodInDays ?? was?.recoveryPeriodInDays ?? DEFAULT_RECOVERY_DAYS, enabledAt: was?.enabled ? was.enabledAt : now }
      : { enabled: false, recoveryPeriodInDays: was?.recoveryPeriodInDays ?? DEFAULT_RECOVERY_DAYS };
    return ctx.store.admin.update(table, { ...table, pitr });
  });
  return { ContinuousBackupsDescription: description(updated, now) };
}
