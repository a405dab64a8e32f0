/**
 * Amazon DynamoDB (json 1.0). The control plane is in operations/ (one file per operation, or per
 * small family), pure table rules in domain/table-*.ts, storage in store/ (its index.ts documents
 * the API the item operations and the Streams API build on). See README.md for what works and how
 * it differs from AWS.
 */
import { defineService } from '../service.js';
import { authorization } from './authorization.js';
import type { Operations } from './generated/operations.js';
import { createBackup } from './operations/backups/create-backup.js';
import { deleteBackup } from './operations/backups/delete-backup.js';
import { describeBackup } from './operations/backups/describe-backup.js';
import { listBackups } from './operations/backups/list-backups.js';
import { restoreTableFromBackup } from './operations/backups/restore-table-from-backup.js';
import { describeContinuousBackups, updateContinuousBackups } from './operations/continuous-backups.js';
import { createTable } from './operations/create-table.js';
import { deleteTable } from './operations/delete-table.js';
import { describeEndpoints } from './operations/describe-endpoints.js';
import { describeLimits } from './operations/describe-limits.js';
import { describeTable } from './operations/describe-table.js';
import { describeTimeToLive } from './operations/describe-time-to-live.js';
import { batchGetItem } from './operations/items/batch-get-item.js';
import { batchWriteItem } from './operations/items/batch-write-item.js';
import { deleteItem } from './operations/items/delete-item.js';
import { getItem } from './operations/items/get-item.js';
import { putItem } from './operations/items/put-item.js';
import { transactGetItems } from './operations/items/transact-get-items.js';
import { transactWriteItems } from './operations/items/transact-write-items.js';
import { updateItem } from './operations/items/update-item.js';
import { listTables } from './operations/list-tables.js';
import { batchExecuteStatement } from './operations/partiql/batch-execute-statement.js';
import { executeStatement } from './operations/partiql/execute-statement.js';
import { executeTransaction } from './operations/partiql/execute-transaction.js';
import { query } from './operations/reads/query.js';
import { scan } from './operations/reads/scan.js';
import { listTagsOfResource, tagResource, untagResource } from './operations/tagging.js';
import { updateTable } from './operations/update-table.js';
import { updateTimeToLive } from './operations/update-time-to-live.js';
import { startSweeps } from './store/background.js';
import { createStore, migrations, type DynamoStore } from './store/index.js';

export const dynamodb = defineService<Operations, DynamoStore>({
  model: 'dynamodb',
  migrations,
  createStore,
  authorization,
  // DynamoDB's validator quotes numbers: "Value '0' at 'provisionedThroughput.readCapacityUnits' …".
  validation: { kind: 'coral', code: 'ValidationException', enums: true, quoteNumbers: true },
  handlers: {
    CreateTable: createTable,
    DescribeTable: describeTable,
    UpdateTable: updateTable,
    DeleteTable: deleteTable,
    ListTables: listTables,
    TagResource: tagResource,
    UntagResource: untagResource,
    ListTagsOfResource: listTagsOfResource,
    UpdateTimeToLive: updateTimeToLive,
    DescribeTimeToLive: describeTimeToLive,
    DescribeContinuousBackups: describeContinuousBackups,
    UpdateContinuousBackups: updateContinuousBackups,
    DescribeLimits: describeLimits,
    DescribeEndpoints: describeEndpoints,
    // On-demand backups: operations/backups/ (store/backups.ts; restore rules in domain/backup-restore-rules.ts).
    CreateBackup: createBackup,
    DescribeBackup: describeBackup,
    ListBackups: listBackups,
    DeleteBackup: deleteBackup,
    RestoreTableFromBackup: restoreTableFromBackup,
    // Items: operations/items/ (one file per operation; rules in domain/item-*.ts).
    PutItem: putItem,
    GetItem: getItem,
    UpdateItem: updateItem,
    DeleteItem: deleteItem,
    BatchWriteItem: batchWriteItem,
    BatchGetItem: batchGetItem,
    TransactWriteItems: transactWriteItems,
    TransactGetItems: transactGetItems,
    // Query and Scan: operations/reads/ (paging, Select and start key rules in domain/read-*.ts).
    Query: query,
    Scan: scan,
    // PartiQL: operations/partiql/ (statements compiled by domain/partiql/, run by the item and read machinery).
    ExecuteStatement: executeStatement,
    BatchExecuteStatement: batchExecuteStatement,
    ExecuteTransaction: executeTransaction,
  },
  // TTL expirations and stream retention, at the time of Nimbus's clock: store/background.ts.
  start: startSweeps,
});
