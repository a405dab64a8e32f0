/**
 * What Nimbus knows about a table: its definition as CreateTable/UpdateTable left it (stored as one
 * JSON document in the catalog) plus where it lives. Pure data; the store reads and writes it,
 * domain/table-description.ts turns it into DescribeTable's answer, and the item operations read
 * keys, indexes, stream and TTL settings from it.
 */
import type { KeySchema, KeyType } from './types.js';

export type BillingMode = 'PROVISIONED' | 'PAY_PER_REQUEST';
export type ProjectionType = 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
export type StreamViewType = 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY';
export type TableClass = 'STANDARD' | 'STANDARD_INFREQUENT_ACCESS';

/** Provisioned capacity of a table or GSI, with the history DescribeTable reports. Times in epoch ms. */
export interface ThroughputSettings {
  read: number;
  write: number;
  lastIncrease?: number;
  lastDecrease?: number;
  /** Decreases on `decreaseDay` (UTC yyyy-mm-dd): NumberOfDecreasesToday. */
  decreasesToday: number;
  decreaseDay?: string;
}

export interface OnDemandSettings {
  maxRead?: number;
  maxWrite?: number;
}

export interface Projection {
  type: ProjectionType;
  /** Only with INCLUDE, in the order given. */
  nonKeyAttributes?: string[];
}

export interface IndexDefinition {
  /** The id its entries are stored under (never reused). */
  id: number;
  name: string;
  kind: 'LSI' | 'GSI';
  key: KeySchema;
  projection: Projection;
  /** GSIs of PROVISIONED tables. */
  throughput?: ThroughputSettings;
  onDemand?: OnDemandSettings;
}

/** The table's latest stream; kept when disabled, because DescribeTable still shows LatestStreamArn. */
export interface StreamSettings {
  enabled: boolean;
  viewType: StreamViewType;
  /** Row id in dynamodb_streams. */
  streamId: number;
  arn: string;
  label: string;
}

export interface TtlSettings {
  attributeName: string;
  enabled: boolean;
}

export interface PitrSettings {
  enabled: boolean;
  recoveryPeriodInDays: number;
  /** When it was last enabled (EarliestRestorableDateTime), epoch ms. */
  enabledAt?: number;
}

/** A customer-managed or AWS-managed KMS key; absent means the AWS-owned key (the default). */
export interface SseSettings {
  sseType: 'KMS';
  kmsKeyArn: string;
}

/**
 * Where a table restored from a backup came from (DescribeTable's RestoreSummary). Epoch ms.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreSummary.html
 */
export interface RestoreSettings {
  sourceBackupArn: string;
  sourceTableArn: string;
  /** RestoreDateTime: the backup's creation time, as AWS reports it ("source backup time"). */
  restoreDateTime: number;
}

export interface Tag {
  Key: string;
  Value: string;
}

export interface AttributeDefinition {
  name: string;
  type: KeyType;
}

/** The JSON document stored in the catalog. */
export interface TableDefinition {
  /** TableId: a UUID. */
  tableId: string;
  arn: string;
  /** Epoch ms. */
  createdAt: number;
  key: KeySchema;
  /** Exactly the key attributes of the table and its indexes. */
  attributeDefinitions: AttributeDefinition[];
  /** LSIs then GSIs, each list in the order created. */
  indexes: IndexDefinition[];
  billingMode: BillingMode;
  /** LastUpdateToPayPerRequestDateTime, epoch ms. */
  payPerRequestSince?: number;
  throughput?: ThroughputSettings;
  onDemand?: OnDemandSettings;
  stream?: StreamSettings;
  sse?: SseSettings;
  tableClass: TableClass;
  tableClassUpdatedAt?: number;
  deletionProtection: boolean;
  ttl?: TtlSettings;
  pitr?: PitrSettings;
  tags: Tag[];
  /** Set on tables created by RestoreTableFromBackup. */
  restore?: RestoreSettings;
}

/** A table as the store hands it out. Shared and cached: callers never mutate it. */
export interface TableRecord extends TableDefinition {
  /** Internal row id: the key of its items and counters. */
  readonly id: number;
  readonly accountId: string;
  readonly region: string;
  readonly name: string;
}

/** Where a table lives: every table is scoped by account and region. */
export interface Scope {
  accountId: string;
  region: string;
}

export function findIndex(table: TableDefinition, name: string): IndexDefinition | undefined {
  return table.indexes.find((i) => i.name === name);
}

export function attributeType(table: TableDefinition, name: string): KeyType | undefined {
  return table.attributeDefinitions.find((d) => d.name === name)?.type;
}
