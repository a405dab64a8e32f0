/**
 * What each DynamoDB operation needs from IAM: its action (`dynamodb:<Operation>`), the ARNs it
 * acts on and the condition keys AWS defines for it.
 *
 *   table   arn:aws:dynamodb:<region>:<account>:table/<name>      (TableName may itself be an ARN)
 *   index   …:table/<name>/index/<index>                          (Query/Scan with IndexName)
 *   stream  …:table/<name>/stream/<label>     backup  …:table/<name>/backup/<id>
 *
 * Batch operations need their action on every table they name; transactions and PartiQL
 * statements need the action of each of their parts (TransactWriteItems: PutItem, UpdateItem,
 * DeleteItem, ConditionCheckItem; ExecuteStatement: PartiQLSelect/Insert/Update/Delete).
 * Condition keys: dynamodb:LeadingKeys (the partition key value of single-item operations),
 * dynamodb:Attributes (attribute names a request names without expressions), dynamodb:Select,
 * dynamodb:ReturnValues, dynamodb:ReturnConsumedCapacity, and tags for CreateTable/TagResource.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
 */
import type { AccessCheck, AuthorizationScope, OperationAuthorization } from '../service.js';
import { tableArn } from './domain/table-arns.js';
import type { Operations } from './generated/operations.js';
import type { AttributeValue, Tag } from './generated/types.js';
import type { DynamoStore } from './store/index.js';

type Table = { [K in keyof Operations]?: OperationAuthorization<Operations[K]['input'], DynamoStore> };
type Conditions = Iterable<readonly [string, readonly string[]]>;

/** A TableName parameter (name or ARN) → the table's ARN. */
export function tableArnOf(nameOrArn: string, scope: AuthorizationScope): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn : tableArn(scope.partition, scope.region, scope.accountId, nameOrArn);
}

function tableOrIndexArn(input: { TableName: string; IndexName?: string }, scope: AuthorizationScope): string {
  const table = tableArnOf(input.TableName, scope);
  return input.IndexName ? `${table}/index/${input.IndexName}` : table;
}

/** A key value as IAM compares it: strings as they are, numbers as written, binaries in base64. */
function keyText(v: AttributeValue | undefined): string | undefined {
  if (!v) return undefined;
  if (v.S !== undefined) return v.S;
  if (v.N !== undefined) return v.N;
  if (v.B !== undefined) return Buffer.from(v.B).toString('base64');
  return undefined;
}

function* leadingKeys(store: DynamoStore, scope: AuthorizationScope, name: string, item: Record<string, AttributeValue> | undefined): Conditions {
  if (!item || name.startsWith('arn:')) return;
  const table = store.tables.get(scope, name);
  const value = table && keyText(item[table.key.hash.name]);
  if (value !== undefined) yield ['dynamodb:leadingkeys', [value]];
}

function* requestOptions(input: { ReturnValues?: string; ReturnConsumedCapacity?: string; Select?: string; AttributesToGet?: string[] }): Conditions {
  if (input.ReturnValues) yield ['dynamodb:returnvalues', [input.ReturnValues]];
  if (input.ReturnConsumedCapacity) yield ['dynamodb:returnconsumedcapacity', [input.ReturnConsumedCapacity]];
  if (input.Select) yield ['dynamodb:select', [input.Select]];
  if (input.AttributesToGet?.length) yield ['dynamodb:attributes', input.AttributesToGet];
}

function* requestTags(tags: readonly Tag[] | undefined): Conditions {
  if (!tags?.length) return;
  yield ['aws:tagkeys', tags.map((t) => t.Key)];
  for (const t of tags) yield [`aws:requesttag/${t.Key.toLowerCase()}`, [t.Value]];
}

const byTable = { resources: (input: { TableName: string }, scope: AuthorizationScope) => tableArnOf(input.TableName, scope) };
const byTableOrIndex = { resources: tableOrIndexArn };
const byResourceArn = { resources: (input: { ResourceArn: string }) => input.ResourceArn };
const everything = {};

/** Roots acting in their own account need no check (the gateway skips them for `resources` rules too). */
function checks(scope: AuthorizationScope, list: () => AccessCheck[]): AccessCheck[] {
  return scope.caller.type === 'root' ? [] : list();
}

/** The action and table (or index) a PartiQL statement acts on; undefined when it cannot tell. */
export function partiqlTarget(statement: string): { action: string; table: string; index?: string } | undefined {
  const verb = /^\s*(SELECT|INSERT|UPDATE|DELETE|EXISTS)\b/i.exec(statement)?.[1]?.toUpperCase();
  const target = /\b(?:FROM|INTO|UPDATE)\s+("(?:[^"]|"")+"|[\w-]+)(?:\s*\.\s*("(?:[^"]|"")+"|[\w-]+))?/i.exec(statement);
  if (!verb || !target) return undefined;
  const unquote = (s: string): string => (s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s);
  const action = { SELECT: 'PartiQLSelect', EXISTS: 'PartiQLSelect', INSERT: 'PartiQLInsert', UPDATE: 'PartiQLUpdate', DELETE: 'PartiQLDelete' }[verb]!;
  return { action: `dynamodb:${action}`, table: unquote(target[1]!), index: target[2] ? unquote(target[2]) : undefined };
}

function statementChecks(statements: readonly { Statement: string }[], scope: AuthorizationScope): AccessCheck[] {
  const out: AccessCheck[] = [];
  for (const s of statements) {
    const t = partiqlTarget(s.Statement);
    if (t) out.push({ action: t.action, resource: tableOrIndexArn({ TableName: t.table, IndexName: t.index }, scope) });
  }
  return out;
}

export const authorization: Table = {
  // Control plane.
  CreateTable: { ...byTable, conditions: (input) => requestTags(input.Tags) },
  DescribeTable: byTable,
  UpdateTable: byTable,
  DeleteTable: byTable,
  ListTables: everything,
  DescribeLimits: everything,
  DescribeEndpoints: everything,
  DescribeTimeToLive: byTable,
  UpdateTimeToLive: byTable,
  DescribeContinuousBackups: byTable,
  UpdateContinuousBackups: byTable,
  DescribeContributorInsights: byTableOrIndex,
  UpdateContributorInsights: byTableOrIndex,
  ListContributorInsights: everything,
  DescribeKinesisStreamingDestination: byTable,
  EnableKinesisStreamingDestination: byTable,
  DisableKinesisStreamingDestination: byTable,
  UpdateKinesisStreamingDestination: byTable,
  DescribeTableReplicaAutoScaling: byTable,
  UpdateTableReplicaAutoScaling: byTable,
  TagResource: { ...byResourceArn, conditions: (input) => requestTags(input.Tags) },
  UntagResource: { ...byResourceArn, conditions: (input) => (input.TagKeys.length ? [['aws:tagkeys', input.TagKeys]] : []) },
  ListTagsOfResource: byResourceArn,
  GetResourcePolicy: byResourceArn,
  PutResourcePolicy: byResourceArn,
  DeleteResourcePolicy: byResourceArn,
  CreateBackup: byTable,
  DescribeBackup: { resources: (input) => input.BackupArn },
  DeleteBackup: { resources: (input) => input.BackupArn },
  ListBackups: everything,
  RestoreTableFromBackup: { resources: (input, scope) => [tableArnOf(input.TargetTableName, scope), input.BackupArn] },
  RestoreTableToPointInTime: { resources: (input, scope) => tableArnOf(input.TargetTableName, scope) },
  ExportTableToPointInTime: { resources: (input) => input.TableArn },
  DescribeExport: { resources: (input) => input.ExportArn },
  ListExports: everything,
  ImportTable: { resources: (input, scope) => tableArnOf(input.TableCreationParameters.TableName, scope) },
  DescribeImport: { resources: (input) => input.ImportArn },
  ListImports: everything,
  ListGlobalTables: everything,

  // Items.
  GetItem: {
    ...byTable,
    conditions: (input, scope, store) => [...leadingKeys(store, scope, input.TableName, input.Key), ...requestOptions(input)],
  },
  PutItem: {
    ...byTable,
    conditions: (input, scope, store) => [
      ...leadingKeys(store, scope, input.TableName, input.Item),
      ['dynamodb:attributes', Object.keys(input.Item)],
      ...requestOptions(input),
    ],
  },
  UpdateItem: {
    ...byTable,
    conditions: function* (input, scope, store) {
      yield* leadingKeys(store, scope, input.TableName, input.Key);
      if (input.AttributeUpdates) yield ['dynamodb:attributes', [...Object.keys(input.Key), ...Object.keys(input.AttributeUpdates)]];
      yield* requestOptions(input);
    },
  },
  DeleteItem: {
    ...byTable,
    conditions: (input, scope, store) => [...leadingKeys(store, scope, input.TableName, input.Key), ...requestOptions(input)],
  },
  Query: { ...byTableOrIndex, conditions: (input) => requestOptions(input) },
  Scan: { ...byTableOrIndex, conditions: (input) => requestOptions(input) },
  BatchGetItem: { resources: (input, scope) => Object.keys(input.RequestItems).map((t) => tableArnOf(t, scope)) },
  BatchWriteItem: { resources: (input, scope) => Object.keys(input.RequestItems).map((t) => tableArnOf(t, scope)) },
  TransactGetItems: {
    access: (input, scope) => checks(scope, () => input.TransactItems.map((t) => ({ action: 'dynamodb:GetItem', resource: tableArnOf(t.Get.TableName, scope) }))),
  },
  TransactWriteItems: {
    access: (input, scope) =>
      checks(scope, () =>
        input.TransactItems.flatMap((t): AccessCheck[] => {
          if (t.Put) return [{ action: 'dynamodb:PutItem', resource: tableArnOf(t.Put.TableName, scope) }];
          if (t.Update) return [{ action: 'dynamodb:UpdateItem', resource: tableArnOf(t.Update.TableName, scope) }];
          if (t.Delete) return [{ action: 'dynamodb:DeleteItem', resource: tableArnOf(t.Delete.TableName, scope) }];
          if (t.ConditionCheck) return [{ action: 'dynamodb:ConditionCheckItem', resource: tableArnOf(t.ConditionCheck.TableName, scope) }];
          return [];
        }),
      ),
  },
  ExecuteStatement: { access: (input, scope) => checks(scope, () => statementChecks([input], scope)) },
  BatchExecuteStatement: { access: (input, scope) => checks(scope, () => statementChecks(input.Statements, scope)) },
  ExecuteTransaction: { access: (input, scope) => checks(scope, () => statementChecks(input.TransactStatements, scope)) },
};
