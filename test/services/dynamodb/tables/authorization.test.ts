import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, TagResourceCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { policy, userWithPolicies } from '../../../identity/helpers.js';
import { useNimbus } from '../../../helpers/nimbus.js';
import { partiqlTarget } from '../../../../src/services/dynamodb/authorization.js';
import { ddbClient, expectError } from './helpers.js';

const nimbus = useNimbus();
const ARN = (name: string) => `arn:aws:dynamodb:us-east-1:000000000000:table/${name}`;

describe('DynamoDB authorization', () => {
  it('allows and denies table operations by table ARN, with AWS’s AccessDeniedException', async () => {
    const root = ddbClient(nimbus);
    for (const TableName of ['allowed', 'other']) {
      await root.send(
        new CreateTableCommand({
          TableName, BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        }),
      );
    }
    const keys = await userWithPolicies(nimbus, 'reader', {
      read: policy(
        { Effect: 'Allow', Action: 'dynamodb:DescribeTable', Resource: ARN('allowed') },
        { Effect: 'Allow', Action: 'dynamodb:ListTables', Resource: '*' },
        { Effect: 'Allow', Action: 'dynamodb:TagResource', Resource: ARN('allowed'), Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } } },
      ),
    });
    const user = new DynamoDBClient(nimbus.clientConfig({ credentials: keys }));
    expect((await user.send(new DescribeTableCommand({ TableName: 'allowed' }))).Table!.TableName).toBe('allowed');
    expect((await user.send(new DescribeTableCommand({ TableName: ARN('allowed') }))).Table!.TableName).toBe('allowed');
    expect((await user.send(new ListTablesCommand({}))).TableNames).toEqual(['allowed', 'other']);
    await expectError(
      user.send(new DescribeTableCommand({ TableName: 'other' })),
      'AccessDeniedException',
      `User: arn:aws:iam::000000000000:user/reader is not authorized to perform: dynamodb:DescribeTable on resource: ${ARN('other')} because no identity-based policy allows the dynamodb:DescribeTable action`,
    );
    await user.send(new TagResourceCommand({ ResourceArn: ARN('allowed'), Tags: [{ Key: 'team', Value: 'x' }] }));
    await expectError(user.send(new TagResourceCommand({ ResourceArn: ARN('allowed'), Tags: [{ Key: 'owner', Value: 'x' }] })), 'AccessDeniedException');
  });

  it('reads the action and table of a PartiQL statement', () => {
    expect(partiqlTarget('SELECT * FROM "Music" WHERE Artist = ?')).toEqual({ action: 'dynamodb:PartiQLSelect', table: 'Music', index: undefined });
    expect(partiqlTarget('select a from Music."by-album"')).toEqual({ action: 'dynamodb:PartiQLSelect', table: 'Music', index: 'by-album' });
    expect(partiqlTarget("INSERT INTO \"My\"\"T\" VALUE {'a': 1}")).toMatchObject({ action: 'dynamodb:PartiQLInsert', table: 'My"T' });
    expect(partiqlTarget('UPDATE Music SET x = 1 WHERE a = 2')).toMatchObject({ action: 'dynamodb:PartiQLUpdate', table: 'Music' });
    expect(partiqlTarget('DELETE FROM Music WHERE a = 2')).toMatchObject({ action: 'dynamodb:PartiQLDelete', table: 'Music' });
  });
});
