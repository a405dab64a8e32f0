/**
 * What Nimbus knows about an on-demand backup: the source table's definition and counters when it
 * was taken, and where it lives. Pure data, like table-model.ts: store/backups.ts reads and writes
 * it (with a copy of the table's items), backup-description.ts turns it into DynamoDB's answers
 * and backup-restore-rules.ts into the restored table's definition.
 */
import type { TableDefinition } from './table-model.js';

export type BackupType = 'USER' | 'SYSTEM' | 'AWS_BACKUP';

/** A backup as the store hands it out (never mutate it). Times in epoch ms. */
export interface BackupRecord {
  /** Internal row id (the key of its item copies). */
  readonly id: number;
  readonly accountId: string;
  readonly region: string;
  readonly arn: string;
  readonly name: string;
  readonly type: BackupType;
  readonly createdAt: number;
  /** The table's ItemCount and TableSizeBytes when the backup was taken. */
  readonly itemCount: number;
  readonly sizeBytes: number;
  readonly tableName: string;
  /** The source table's definition when the backup was taken (its index ids are the source's). */
  readonly table: TableDefinition;
}
