/**
 * A backup as DynamoDB describes it: BackupDetails (CreateBackup), BackupDescription
 * (DescribeBackup, DeleteBackup) and BackupSummary (ListBackups). Pure.
 *
 * - SourceTableDetails is the table as it was when the backup was taken: ProvisionedThroughput is
 *   always present (0/0 for on-demand tables) without NumberOfDecreasesToday.
 * - SourceTableFeatureDetails lists only what the table had: LSIs, GSIs, the stream when enabled,
 *   TTL when enabled, SSE when a KMS key was used; a plain table's is `{}` (AWS's CLI examples).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BackupDescription.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_SourceTableDetails.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_SourceTableFeatureDetails.html
 */
import type { BackupRecord } from './backup-model.js';
import { keySchemaElements } from './table-description.js';
import type { IndexDefinition, OnDemandSettings, ThroughputSettings } from './table-model.js';
import type {
  BackupDescription,
  BackupDetails,
  BackupStatus,
  BackupSummary,
  GlobalSecondaryIndexInfo,
  LocalSecondaryIndexInfo,
  OnDemandThroughput,
  Projection,
  ProvisionedThroughput,
  SourceTableDetails,
  SourceTableFeatureDetails,
} from '../generated/types.js';

export function backupDetails(backup: BackupRecord, status: BackupStatus = 'AVAILABLE'): BackupDetails {
  return {
    BackupArn: backup.arn,
    BackupName: backup.name,
    BackupSizeBytes: backup.sizeBytes,
    BackupStatus: status,
    BackupType: backup.type,
    BackupCreationDateTime: new Date(backup.createdAt),
  };
}

function throughputOf(t: ThroughputSettings | undefined): ProvisionedThroughput {
  return { ReadCapacityUnits: t?.read ?? 0, WriteCapacityUnits: t?.write ?? 0 };
}

function onDemandOf(o: OnDemandSettings | undefined): OnDemandThroughput | undefined {
  return o && { MaxReadRequestUnits: o.maxRead, MaxWriteRequestUnits: o.maxWrite };
}

function projectionOf(index: IndexDefinition): Projection {
  const p: Projection = { ProjectionType: index.projection.type };
  if (index.projection.nonKeyAttributes) p.NonKeyAttributes = [...index.projection.nonKeyAttributes];
  return p;
}

export function sourceTableDetails(backup: BackupRecord): SourceTableDetails {
  const t = backup.table;
  const d: SourceTableDetails = {
    TableName: backup.tableName,
    TableId: t.tableId,
    TableArn: t.arn,
    TableSizeBytes: backup.sizeBytes,
    KeySchema: keySchemaElements(t.key),
    TableCreationDateTime: new Date(t.createdAt),
    ProvisionedThroughput: throughputOf(t.throughput),
    ItemCount: backup.itemCount,
    BillingMode: t.billingMode,
  };
  const onDemand = onDemandOf(t.onDemand);
  if (onDemand) d.OnDemandThroughput = onDemand;
  return d;
}

export function sourceTableFeatureDetails(backup: BackupRecord): SourceTableFeatureDetails {
  const t = backup.table;
  const out: SourceTableFeatureDetails = {};
  const lsis = t.indexes.filter((i) => i.kind === 'LSI');
  if (lsis.length) {
    out.LocalSecondaryIndexes = lsis.map((i): LocalSecondaryIndexInfo => ({ IndexName: i.name, KeySchema: keySchemaElements(i.key), Projection: projectionOf(i) }));
  }
  const gsis = t.indexes.filter((i) => i.kind === 'GSI');
  if (gsis.length) {
    out.GlobalSecondaryIndexes = gsis.map((i): GlobalSecondaryIndexInfo => {
      const g: GlobalSecondaryIndexInfo = { IndexName: i.name, KeySchema: keySchemaElements(i.key), Projection: projectionOf(i) };
      if (i.throughput) g.ProvisionedThroughput = throughputOf(i.throughput);
      const onDemand = onDemandOf(i.onDemand);
      if (onDemand) g.OnDemandThroughput = onDemand;
      return g;
    });
  }
  if (t.stream?.enabled) out.StreamDescription = { StreamEnabled: true, StreamViewType: t.stream.viewType };
  if (t.ttl?.enabled) out.TimeToLiveDescription = { TimeToLiveStatus: 'ENABLED', AttributeName: t.ttl.attributeName };
  if (t.sse) out.SSEDescription = { Status: 'ENABLED', SSEType: t.sse.sseType, KMSMasterKeyArn: t.sse.kmsKeyArn };
  return out;
}

export function backupDescription(backup: BackupRecord, status: BackupStatus = 'AVAILABLE'): BackupDescription {
  return {
    BackupDetails: backupDetails(backup, status),
    SourceTableDetails: sourceTableDetails(backup),
    SourceTableFeatureDetails: sourceTableFeatureDetails(backup),
  };
}

export function backupSummary(backup: BackupRecord): BackupSummary {
  return {
    TableName: backup.tableName,
    TableId: backup.table.tableId,
    TableArn: backup.table.arn,
    BackupArn: backup.arn,
    BackupName: backup.name,
    BackupCreationDateTime: new Date(backup.createdAt),
    BackupStatus: 'AVAILABLE',
    BackupType: backup.type,
    BackupSizeBytes: backup.sizeBytes,
  };
}
