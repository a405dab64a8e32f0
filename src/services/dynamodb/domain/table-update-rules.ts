/**
 * UpdateTable's rules: which changes one request may combine, and what each change does to the
 * table's definition. Pure: returns a plan the operation applies in one write, or throws AWS's
 * error.
 *
 * - SSE, TableClass and DeletionProtectionEnabled changes must each be the only change in the
 *   request; a GSI Create/Delete cannot share a request with a throughput or stream change, nor a
 *   stream change with a throughput change.
 * - One GSI Create or Delete per request (LimitExceededException, as AWS answers); any number of
 *   GSI throughput Updates.
 * - AttributeDefinitions only matter to a GSI Create; a GSI Delete prunes definitions no key uses.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html
 */
import { invalidParameterValues, validationError } from './errors.js';
import { changeThroughput, newThroughput, onDemandOf } from './table-billing-rules.js';
import { allKeyNames } from './table-keys.js';
import type { AttributeDefinition, IndexDefinition, StreamViewType, TableDefinition } from './table-model.js';
import { checkSse, checkStreamChange } from './table-option-rules.js';
import { checkKeySchemaShape, checkProjection, javaList, MAX_GSIS, typedKeySchema } from './table-schema-rules.js';
import { LimitExceededException, ResourceNotFoundException } from '../generated/errors.js';
import type { CreateGlobalSecondaryIndexAction, IndexStatus, UpdateTableInput } from '../generated/types.js';

export interface TableUpdatePlan {
  /** The new definition, without the index created or deleted below. */
  definition: TableDefinition;
  createIndex?: { index: Omit<IndexDefinition, 'id'>; attributeDefinitions: AttributeDefinition[] };
  deleteIndex?: { name: string; attributeDefinitions: AttributeDefinition[] };
  stream?: { enable: StreamViewType } | { disable: true };
  /** Index statuses the answer shows (CREATING, DELETING, UPDATING). */
  indexStatus: Record<string, IndexStatus>;
}

const NOTHING_TO_UPDATE =
  'At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ' +
  'ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, ' +
  'OnDemandThroughput, WarmThroughput or TableClass is required';

function indexNotFound(name: string, tableName: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Requested resource not found: Index ${name} for table ${tableName}`);
}

/** The request's members that change something, in the order AWS lists them. */
function changes(input: UpdateTableInput): string[] {
  const present: [string, unknown][] = [
    ['ProvisionedThroughput', input.ProvisionedThroughput],
    ['BillingMode', input.BillingMode],
    ['StreamSpecification', input.StreamSpecification],
    ['GlobalSecondaryIndexUpdates', input.GlobalSecondaryIndexUpdates],
    ['SSESpecification', input.SSESpecification],
    ['ReplicaUpdates', input.ReplicaUpdates],
    ['DeletionProtectionEnabled', input.DeletionProtectionEnabled],
    ['OnDemandThroughput', input.OnDemandThroughput],
    ['WarmThroughput', input.WarmThroughput],
    ['TableClass', input.TableClass],
  ];
  return present.filter(([, v]) => v !== undefined).map(([k]) => k);
}

function checkCombinations(input: UpdateTableInput, present: string[]): void {
  const alone = (member: string, what: string): void => {
    if (present.includes(member) && present.length > 1) throw invalidParameterValues(`${what} modification must be the only operation in the request`);
  };
  alone('SSESpecification', 'Server-Side Encryption');
  alone('TableClass', 'TableClass');
  alone('DeletionProtectionEnabled', 'DeletionProtection');
  const indexChange = (input.GlobalSecondaryIndexUpdates ?? []).some((u) => u.Create || u.Delete);
  if (indexChange && input.ProvisionedThroughput) throw invalidParameterValues('You cannot create or delete index while updating table IOPS');
  if (indexChange && input.StreamSpecification) throw invalidParameterValues('You cannot create or delete index while changing stream status');
  if (input.StreamSpecification && input.ProvisionedThroughput) throw invalidParameterValues('You cannot modify stream status while updating table IOPS');
}

function keyedDefinitions(def: TableDefinition, indexes: readonly { key: IndexDefinition['key'] }[]): AttributeDefinition[] {
  const used = allKeyNames({ ...def, indexes: indexes as IndexDefinition[] });
  return def.attributeDefinitions.filter((d) => used.has(d.name));
}

function planCreate(def: TableDefinition, action: CreateGlobalSecondaryIndexAction, input: UpdateTableInput): TableUpdatePlan['createIndex'] {
  if (def.indexes.some((i) => i.name === action.IndexName)) throw validationError('Attempting to create an index which already exists');
  if (def.indexes.filter((i) => i.kind === 'GSI').length >= MAX_GSIS) {
    throw new LimitExceededException(`GlobalSecondaryIndex count exceeds the per-table limit of ${MAX_GSIS}`);
  }
  const shape = checkKeySchemaShape(action.KeySchema);
  if (!input.AttributeDefinitions) throw invalidParameterValues(`AttributeDefinitions is not specified for index: ${action.IndexName}`);
  const defs = [...def.attributeDefinitions];
  const requested = input.AttributeDefinitions.map((d): AttributeDefinition => ({ name: d.AttributeName, type: d.AttributeType }));
  const keys = shape.range ? [shape.hash, shape.range] : [shape.hash];
  const missing = keys.filter((k) => !requested.some((d) => d.name === k) && !defs.some((d) => d.name === k));
  if (missing.length) {
    throw invalidParameterValues(
      `Some index key attributes are not defined in AttributeDefinitions. Keys: ${javaList(missing)}, AttributeDefinitions: ${javaList(requested.map((d) => d.name))}`,
    );
  }
  for (const k of keys) {
    const wanted = requested.find((d) => d.name === k);
    const existing = defs.find((d) => d.name === k);
    if (wanted && existing && wanted.type !== existing.type) {
      throw invalidParameterValues(`Cannot change the type of attribute ${k} from ${existing.type} to ${wanted.type}`);
    }
    if (wanted && !existing) defs.push(wanted);
  }
  const billingMode = input.BillingMode ?? def.billingMode;
  let throughput;
  if (billingMode === 'PROVISIONED') {
    if (!action.ProvisionedThroughput) throw invalidParameterValues(`ProvisionedThroughput must be specified for index: ${action.IndexName}`);
    throughput = newThroughput(action.ProvisionedThroughput);
  } else if (action.ProvisionedThroughput) {
    throw invalidParameterValues(`Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: ${action.IndexName} when BillingMode is PAY_PER_REQUEST`);
  }
  return {
    index: {
      name: action.IndexName,
      kind: 'GSI',
      key: typedKeySchema(shape, defs),
      projection: checkProjection(action.Projection),
      throughput,
      onDemand: onDemandOf(action.OnDemandThroughput),
    },
    attributeDefinitions: defs,
  };
}

/** Billing mode and table throughput changes. */
function planBilling(def: TableDefinition, input: UpdateTableInput, nowMs: number): void {
  const mode = input.BillingMode ?? def.billingMode;
  if (mode === 'PAY_PER_REQUEST') {
    if (input.ProvisionedThroughput) throw invalidParameterValues('Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST');
    if (def.billingMode === 'PROVISIONED') {
      def.billingMode = 'PAY_PER_REQUEST';
      def.payPerRequestSince = nowMs;
      def.throughput = undefined;
      def.indexes = def.indexes.map((i) => ({ ...i, throughput: undefined }));
    }
    if (input.OnDemandThroughput) def.onDemand = onDemandOf(input.OnDemandThroughput);
    return;
  }
  if (input.OnDemandThroughput) throw invalidParameterValues('MaxReadRequestUnits for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED');
  if (def.billingMode === 'PAY_PER_REQUEST') {
    if (!input.ProvisionedThroughput) throw invalidParameterValues('ProvisionedThroughput must be specified when BillingMode is PROVISIONED');
    const updates = input.GlobalSecondaryIndexUpdates ?? [];
    for (const index of def.indexes.filter((i) => i.kind === 'GSI')) {
      const deleted = updates.some((u) => u.Delete?.IndexName === index.name);
      const given = updates.find((u) => u.Update?.IndexName === index.name)?.Update?.ProvisionedThroughput;
      if (!deleted && !given) throw invalidParameterValues(`ProvisionedThroughput must be specified for index: ${index.name}`);
    }
    def.billingMode = 'PROVISIONED';
    def.throughput = newThroughput(input.ProvisionedThroughput);
    def.onDemand = undefined;
    def.indexes = def.indexes.map((i) => ({ ...i, onDemand: undefined }));
    return;
  }
  if (input.ProvisionedThroughput) def.throughput = changeThroughput(def.throughput, input.ProvisionedThroughput, nowMs, 'table');
}

export function planTableUpdate(table: TableDefinition, tableName: string, input: UpdateTableInput, nowMs: number, region: string, accountId: string, partition: string): TableUpdatePlan {
  const present = changes(input);
  if (present.length === 0) throw validationError(NOTHING_TO_UPDATE);
  checkCombinations(input, present);
  const updates = input.GlobalSecondaryIndexUpdates ?? [];
  if (input.GlobalSecondaryIndexUpdates && updates.length === 0) throw invalidParameterValues('List of GlobalSecondaryIndexUpdates is empty');
  for (const u of updates) {
    const actions = [u.Create, u.Update, u.Delete].filter((a) => a !== undefined).length;
    if (actions === 0) {
      throw invalidParameterValues('One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null');
    }
    if (actions > 1) throw invalidParameterValues('Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object');
  }
  const named = updates.map((u) => (u.Create ?? u.Update ?? u.Delete)!.IndexName);
  const twice = named.find((n, i) => named.indexOf(n) !== i);
  if (twice) throw invalidParameterValues(`Only one global secondary index update per index is allowed simultaneously. Index: ${twice}`);
  if (updates.filter((u) => u.Create || u.Delete).length > 1) {
    throw new LimitExceededException('Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table');
  }

  const def: TableDefinition = structuredClone(table);
  const plan: TableUpdatePlan = { definition: def, indexStatus: {} };
  planBilling(def, input, nowMs);
  for (const u of updates) {
    if (u.Update) {
      const index = def.indexes.find((i) => i.name === u.Update!.IndexName);
      if (!index) throw indexNotFound(u.Update.IndexName, tableName);
      if (index.kind !== 'GSI') throw validationError(`Cannot update an index that is not a GlobalSecondaryIndex: ${index.name}`);
      const pt = u.Update.ProvisionedThroughput;
      if (pt) {
        if (def.billingMode === 'PAY_PER_REQUEST') {
          throw invalidParameterValues(`Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: ${index.name} when BillingMode is PAY_PER_REQUEST`);
        }
        index.throughput = table.billingMode === 'PAY_PER_REQUEST' ? newThroughput(pt) : changeThroughput(index.throughput, pt, nowMs, index.name);
      }
      if (u.Update.OnDemandThroughput) index.onDemand = onDemandOf(u.Update.OnDemandThroughput);
      plan.indexStatus[index.name] = 'UPDATING';
    } else if (u.Delete) {
      const index = def.indexes.find((i) => i.name === u.Delete!.IndexName);
      if (!index) throw indexNotFound(u.Delete.IndexName, tableName);
      if (index.kind !== 'GSI') throw validationError(`Cannot delete an index that is not a GlobalSecondaryIndex: ${index.name}`);
      const remaining = def.indexes.filter((i) => i !== index);
      plan.deleteIndex = { name: index.name, attributeDefinitions: keyedDefinitions(def, remaining) };
      plan.indexStatus[index.name] = 'DELETING';
    } else if (u.Create) {
      plan.createIndex = planCreate(def, u.Create, input);
      plan.indexStatus[u.Create.IndexName] = 'CREATING';
    }
  }
  if (input.StreamSpecification) plan.stream = checkStreamChange(input.StreamSpecification, tableName, def.stream?.enabled ?? false);
  if (input.SSESpecification) def.sse = checkSse(input.SSESpecification, partition, region, accountId);
  if (input.DeletionProtectionEnabled !== undefined) def.deletionProtection = input.DeletionProtectionEnabled;
  if (input.TableClass !== undefined && input.TableClass !== def.tableClass) {
    def.tableClass = input.TableClass;
    def.tableClassUpdatedAt = nowMs;
  }
  return plan;
}
