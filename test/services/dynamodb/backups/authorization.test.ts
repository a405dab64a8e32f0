/**
 * The backup operations are authorized on the ARNs Nimbus gives backups
 * (`…:table/<name>/backup/<id>`), so a policy written against AWS's ARN format applies.
 */
import {
  CreateBackupCommand,
  CreateTableCommand,
  DeleteBackupCommand,
  DescribeBackupCommand,
  DynamoDBClient,
  ListBackupsCommand,
  RestoreTableFromBackupCommand,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { policy, userWithPolicies } from '../../../identity/helpers.js';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient, expectError } from './helpers.js';

const nimbus = useNimbus();
const TABLE = (name: string) => `arn:aws:dynamodb:us-east-1:000000000000:table/${name}`;

describe('backup authorization', () => {
  it('allows and denies by table ARN (CreateBackup) and backup ARN (Describe, Delete, Restore)', async () => {
    const root = ddbClient(nimbus);
    for (const TableName of ['mine', 'theirs']) {
      await root.send(
        new CreateTableCommand({
          TableName, BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        }),
      );
    }
    const theirs = (await root.send(new CreateBackupCommand({ TableName: 'theirs', BackupName: 'theirs-1' }))).BackupDetails!.BackupArn!;
    const keys = await userWithPolicies(nimbus, 'backup-operator', {
      backups: policy(
        { Effect: 'Allow', Action: 'dynamodb:CreateBackup', Resource: TABLE('mine') },
        { Effect: 'Allow', Action: ['dynamodb:DescribeBackup', 'dynamodb:DeleteBackup'], Resource: `${TABLE('mine')}/backup/*` },
        { Effect: 'Allow', Action: 'dynamodb:RestoreTableFromBackup', Resource: [`${TABLE('mine')}/backup/*`, TABLE('restored')] },
        { Effect: 'Allow', Action: 'dynamodb:ListBackups', Resource: '*' },
      ),
    });
    const user = new DynamoDBClient(nimbus.clientConfig({ credentials: keys }));
    const mine = (await user.send(new CreateBackupCommand({ TableName: 'mine', BackupName: 'mine-1' }))).BackupDetails!.BackupArn!;
    expect((await user.send(new DescribeBackupCommand({ BackupArn: mine }))).BackupDescription!.BackupDetails!.BackupName).toBe('mine-1');
    expect((await user.send(new ListBackupsCommand({}))).BackupSummaries).toHaveLength(2);
    await user.send(new RestoreTableFromBackupCommand({ TargetTableName: 'restored', BackupArn: mine }));
    await expectError(user.send(new RestoreTableFromBackupCommand({ TargetTableName: 'elsewhere', BackupArn: mine })), 'AccessDeniedException');
    await expectError(user.send(new CreateBackupCommand({ TableName: 'theirs', BackupName: 'theirs-2' })), 'AccessDeniedException');
    await expectError(
      user.send(new DescribeBackupCommand({ BackupArn: theirs })),
      'AccessDeniedException',
      `User: arn:aws:iam::000000000000:user/backup-operator is not authorized to perform: dynamodb:DescribeBackup on resource: ${theirs} because no identity-based policy allows the dynamodb:DescribeBackup action`,
    );
    await expectError(user.send(new DeleteBackupCommand({ BackupArn: theirs })), 'AccessDeniedException');
    expect((await user.send(new DeleteBackupCommand({ BackupArn: mine }))).BackupDescription!.BackupDetails!.BackupStatus).toBe('DELETED');
  });
});
