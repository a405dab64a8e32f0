/**
 * RestoreTableFromBackup's rules: the restored table's definition from the backup's and the
 * request's overrides. Pure. The overrides go through CreateTable's own rules (keys and indexes,
 * billing, SSE) on a CreateTable-shaped request built from the backup, so they are checked with
 * CreateTable's messages.
 *
 * - Restored from the backup: key schema, LSIs/GSIs with their projections, billing mode and
 *   provisioned throughput (of the table and of each GSI, as they were when the backup was
 *   taken), on-demand limits, SSE, table class.
 * - Not restored, as AWS documents: tags, stream settings, TTL settings, PITR settings (and
 *   deletion protection starts off).
 * - GlobalSecondaryIndexOverride / LocalSecondaryIndexOverride replace the backup's lists: they
 *   "should match existing secondary indexes", so each must name an index of the backup with the
 *   same key schema (its projection and throughput may differ); an empty list drops them all.
 * - BillingModeOverride PROVISIONED needs throughput for the table and every GSI, taken from
 *   ProvisionedThroughputOverride / the GSI override, else from the backup.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableFromBackup.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Restore.Tutorial.html
 */
import type { BackupRecord } from './backup-model.js';
import { invalidParameterValues } from './errors.js';
import { checkCreateBilling, type CheckedBilling } from './table-billing-rules.js';
import { keySchemaElements } from './table-description.js';
import type { AttributeDefinition, BillingMode, IndexDefinition, SseSettings, TableDefinition } from './table-model.js';
import { checkSse } from './table-option-rules.js';
import { checkTableSchema } from './table-schema-rules.js';
import type { GlobalSecondaryIndex, KeySchemaElement, LocalSecondaryIndex, RestoreTableFromBackupInput } from '../generated/types.js';

/** The restored table's definition, before it has ids, ARN and times. */
export interface RestorePlan {
  key: TableDefinition['key'];
  attributeDefinitions: AttributeDefinition[];
  indexes: Omit<IndexDefinition, 'id'>[];
  billingMode: BillingMode;
  throughput: TableDefinition['throughput'];
  onDemand: TableDefinition['onDemand'];
  sse: SseSettings | undefined;
  tableClass: TableDefinition['tableClass'];
}

function declared(index: IndexDefinition): GlobalSecondaryIndex {
  const g: GlobalSecondaryIndex = {
    IndexName: index.name,
    KeySchema: keySchemaElements(index.key),
    Projection: { ProjectionType: index.projection.type, NonKeyAttributes: index.projection.nonKeyAttributes },
  };
  if (index.throughput) g.ProvisionedThroughput = { ReadCapacityUnits: index.throughput.read, WriteCapacityUnits: index.throughput.write };
  if (index.onDemand) g.OnDemandThroughput = { MaxReadRequestUnits: index.onDemand.maxRead, MaxWriteRequestUnits: index.onDemand.maxWrite };
  return g;
}

function sameKeySchema(a: KeySchemaElement[], b: KeySchemaElement[]): boolean {
  return a.length === b.length && a.every((e, i) => e.AttributeName === b[i]!.AttributeName && e.KeyType === b[i]!.KeyType);
}

/**
 * The indexes of one kind the restored table gets: the override (each matching an index of the
 * backup; no throughput of its own means the backup's), or the backup's. Nimbus's wording.
 */
function chosenIndexes<T extends LocalSecondaryIndex | GlobalSecondaryIndex>(kind: 'LSI' | 'GSI', backup: BackupRecord, override: T[] | undefined): GlobalSecondaryIndex[] {
  const existing = backup.table.indexes.filter((i) => i.kind === kind);
  if (!override) return existing.map(declared);
  const what = kind === 'GSI' ? 'global' : 'local';
  return override.map((o) => {
    const source = existing.find((i) => i.name === o.IndexName);
    if (!source) throw invalidParameterValues(`The ${what} secondary index ${o.IndexName} does not exist in the backup`);
    const wanted = declared(source);
    if (!sameKeySchema(o.KeySchema, wanted.KeySchema)) {
      throw invalidParameterValues(`The KeySchema of ${what} secondary index ${o.IndexName} does not match the backup`);
    }
    const g: GlobalSecondaryIndex = { IndexName: o.IndexName, KeySchema: o.KeySchema, Projection: o.Projection };
    const gsi = o as GlobalSecondaryIndex;
    if (kind === 'GSI') {
      g.ProvisionedThroughput = gsi.ProvisionedThroughput ?? wanted.ProvisionedThroughput;
      g.OnDemandThroughput = gsi.OnDemandThroughput ?? wanted.OnDemandThroughput;
    }
    return g;
  });
}

/** Key attributes the chosen key schemas use, with the backup's types (AttributeDefinitions). */
function attributeDefinitionsFor(backup: BackupRecord, schemas: KeySchemaElement[][]): { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[] {
  const used = new Set(schemas.flatMap((s) => s.map((e) => e.AttributeName)));
  return backup.table.attributeDefinitions.filter((d) => used.has(d.name)).map((d) => ({ AttributeName: d.name, AttributeType: d.type }));
}

/** Throughput members that make no sense for the chosen billing mode are dropped when they came from the backup. */
function billingFor(mode: BillingMode, backup: BackupRecord, input: RestoreTableFromBackupInput, gsis: GlobalSecondaryIndex[], overridden: Set<string>): CheckedBilling {
  const t = backup.table;
  const fromBackup = mode === t.billingMode;
  const table = {
    BillingMode: mode,
    ProvisionedThroughput:
      input.ProvisionedThroughputOverride ??
      (mode === 'PROVISIONED' && t.throughput ? { ReadCapacityUnits: t.throughput.read, WriteCapacityUnits: t.throughput.write } : undefined),
    OnDemandThroughput:
      input.OnDemandThroughputOverride ??
      (fromBackup && t.onDemand ? { MaxReadRequestUnits: t.onDemand.maxRead, MaxWriteRequestUnits: t.onDemand.maxWrite } : undefined),
  };
  const declaredGsis = gsis.map((g) => {
    if (overridden.has(g.IndexName) || fromBackup) return g;
    // The backup's throughput belongs to its billing mode: switching modes leaves it behind.
    return { ...g, ProvisionedThroughput: undefined, OnDemandThroughput: undefined };
  });
  return checkCreateBilling(table, declaredGsis);
}

export function planRestore(backup: BackupRecord, input: RestoreTableFromBackupInput, partition: string, region: string, accountId: string): RestorePlan {
  const t = backup.table;
  const keySchema = keySchemaElements(t.key);
  const lsis = chosenIndexes('LSI', backup, input.LocalSecondaryIndexOverride);
  const gsis = chosenIndexes('GSI', backup, input.GlobalSecondaryIndexOverride);
  const schema = checkTableSchema({
    AttributeDefinitions: attributeDefinitionsFor(backup, [keySchema, ...lsis.map((i) => i.KeySchema), ...gsis.map((i) => i.KeySchema)]),
    KeySchema: keySchema,
    LocalSecondaryIndexes: lsis.length ? lsis : undefined,
    GlobalSecondaryIndexes: gsis.length ? gsis : undefined,
  });
  const mode = input.BillingModeOverride ?? t.billingMode;
  const overridden = new Set((input.GlobalSecondaryIndexOverride ?? []).filter((g) => g.ProvisionedThroughput || g.OnDemandThroughput).map((g) => g.IndexName));
  const billing = billingFor(mode, backup, input, gsis, overridden);
  const sse = input.SSESpecificationOverride ? checkSse(input.SSESpecificationOverride, partition, region, accountId) : t.sse;
  return {
    key: schema.key,
    attributeDefinitions: schema.attributeDefinitions,
    indexes: [
      ...schema.lsis.map((i): Omit<IndexDefinition, 'id'> => ({ ...i, kind: 'LSI' })),
      ...schema.gsis.map((i): Omit<IndexDefinition, 'id'> => ({ ...i, kind: 'GSI', ...billing.gsis.get(i.name) })),
    ],
    billingMode: billing.billingMode,
    throughput: billing.throughput,
    onDemand: billing.onDemand,
    sse,
    tableClass: t.tableClass,
  };
}
