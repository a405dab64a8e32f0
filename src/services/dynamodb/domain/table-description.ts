/**
 * A table's TableDescription (DescribeTable, and the echo of CreateTable/UpdateTable/DeleteTable).
 * Pure. Nimbus creates and changes tables synchronously, so a described table is ACTIVE; the
 * operations' own responses show the transitional status AWS shows at that moment (CreateTable:
 * CREATING, UpdateTable adding a GSI: UPDATING with the index CREATING, DeleteTable: DELETING).
 * AttributeDefinitions come back sorted by name, as AWS returns them; index lists keep their order.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html
 */
import { indexArn } from './table-arns.js';
import type { IndexDefinition, TableRecord, ThroughputSettings } from './table-model.js';
import type { KeySchema } from './types.js';
import type {
  GlobalSecondaryIndexDescription,
  IndexStatus,
  KeySchemaElement,
  LocalSecondaryIndexDescription,
  Projection,
  ProvisionedThroughputDescription,
  TableDescription,
  TableStatus,
} from '../generated/types.js';

export interface Counts {
  itemCount: number;
  sizeBytes: number;
}

export interface DescribeOptions {
  status?: TableStatus;
  /** Status of particular indexes (an index being created or deleted by the request). */
  indexStatus?: Record<string, IndexStatus>;
  /** ItemCount/size of the table and of each index (by index id). */
  counts: { table: Counts; indexes: Map<number, Counts> };
}

export function keySchemaElements(key: KeySchema): KeySchemaElement[] {
  const out: KeySchemaElement[] = [{ AttributeName: key.hash.name, KeyType: 'HASH' }];
  if (key.range) out.push({ AttributeName: key.range.name, KeyType: 'RANGE' });
  return out;
}

function throughputDescription(t: ThroughputSettings | undefined): ProvisionedThroughputDescription {
  if (!t) return { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 };
  const out: ProvisionedThroughputDescription = { NumberOfDecreasesToday: t.decreasesToday, ReadCapacityUnits: t.read, WriteCapacityUnits: t.write };
  if (t.lastIncrease !== undefined) out.LastIncreaseDateTime = new Date(t.lastIncrease);
  if (t.lastDecrease !== undefined) out.LastDecreaseDateTime = new Date(t.lastDecrease);
  return out;
}

function projectionOf(index: IndexDefinition): Projection {
  const p: Projection = { ProjectionType: index.projection.type };
  if (index.projection.nonKeyAttributes) p.NonKeyAttributes = [...index.projection.nonKeyAttributes];
  return p;
}

const PAY_PER_REQUEST_WARM = { ReadUnitsPerSecond: 12000, WriteUnitsPerSecond: 4000 };

export function describeTable(table: TableRecord, options: DescribeOptions): TableDescription {
  const counts = (id: number): Counts => options.counts.indexes.get(id) ?? { itemCount: 0, sizeBytes: 0 };
  const payPerRequest = table.billingMode === 'PAY_PER_REQUEST';
  const d: TableDescription = {
    AttributeDefinitions: [...table.attributeDefinitions]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
    TableName: table.name,
    KeySchema: keySchemaElements(table.key),
    TableStatus: options.status ?? 'ACTIVE',
    CreationDateTime: new Date(table.createdAt),
    ProvisionedThroughput: throughputDescription(table.throughput),
    TableSizeBytes: options.counts.table.sizeBytes,
    ItemCount: options.counts.table.itemCount,
    TableArn: table.arn,
    TableId: table.tableId,
  };
  if (payPerRequest || table.payPerRequestSince !== undefined) {
    d.BillingModeSummary = { BillingMode: table.billingMode };
    if (table.payPerRequestSince !== undefined) d.BillingModeSummary.LastUpdateToPayPerRequestDateTime = new Date(table.payPerRequestSince);
  }
  const lsis = table.indexes.filter((i) => i.kind === 'LSI');
  if (lsis.length) {
    d.LocalSecondaryIndexes = lsis.map((i): LocalSecondaryIndexDescription => ({
      IndexName: i.name,
      KeySchema: keySchemaElements(i.key),
      Projection: projectionOf(i),
      IndexSizeBytes: counts(i.id).sizeBytes,
      ItemCount: counts(i.id).itemCount,
      IndexArn: indexArn(table.arn, i.name),
    }));
  }
  const gsis = table.indexes.filter((i) => i.kind === 'GSI');
  if (gsis.length) {
    d.GlobalSecondaryIndexes = gsis.map((i): GlobalSecondaryIndexDescription => {
      const status = options.indexStatus?.[i.name] ?? 'ACTIVE';
      const g: GlobalSecondaryIndexDescription = {
        IndexName: i.name,
        KeySchema: keySchemaElements(i.key),
        Projection: projectionOf(i),
        IndexStatus: status,
        ProvisionedThroughput: throughputDescription(i.throughput),
        IndexSizeBytes: counts(i.id).sizeBytes,
        ItemCount: counts(i.id).itemCount,
        IndexArn: indexArn(table.arn, i.name),
      };
      if (status === 'CREATING') g.Backfilling = false;
      if (i.onDemand) g.OnDemandThroughput = { MaxReadRequestUnits: i.onDemand.maxRead, MaxWriteRequestUnits: i.onDemand.maxWrite };
      if (payPerRequest) g.WarmThroughput = { ...PAY_PER_REQUEST_WARM, Status: status };
      return g;
    });
  }
  if (table.stream?.enabled) d.StreamSpecification = { StreamEnabled: true, StreamViewType: table.stream.viewType };
  if (table.stream) {
    d.LatestStreamLabel = table.stream.label;
    d.LatestStreamArn = table.stream.arn;
  }
  if (table.sse) d.SSEDescription = { Status: 'ENABLED', SSEType: table.sse.sseType, KMSMasterKeyArn: table.sse.kmsKeyArn };
  d.TableClassSummary = { TableClass: table.tableClass };
  if (table.tableClassUpdatedAt !== undefined) d.TableClassSummary.LastUpdateDateTime = new Date(table.tableClassUpdatedAt);
  d.DeletionProtectionEnabled = table.deletionProtection;
  if (table.onDemand) d.OnDemandThroughput = { MaxReadRequestUnits: table.onDemand.maxRead, MaxWriteRequestUnits: table.onDemand.maxWrite };
  if (payPerRequest) d.WarmThroughput = { ...PAY_PER_REQUEST_WARM, Status: d.TableStatus };
  if (table.restore) {
    // Nimbus restores inside the RestoreTableFromBackup request, so a described table is restored.
    d.RestoreSummary = {
      SourceBackupArn: table.restore.sourceBackupArn,
      SourceTableArn: table.restore.sourceTableArn,
      RestoreDateTime: new Date(table.restore.restoreDateTime),
      RestoreInProgress: false,
    };
  }
  return d;
}
