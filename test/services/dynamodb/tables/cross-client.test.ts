import { describe, expect, it } from 'vitest';
import { awsCli, boto3, hasAwsCli, hasBoto3, useNimbus } from '../../../helpers/nimbus.js';

const nimbus = useNimbus({ resetEach: true });

describe('DynamoDB control plane from the aws CLI and boto3', () => {
  it.skipIf(!hasAwsCli)('aws dynamodb create-table / wait / describe-table / list-tables / update-time-to-live', async () => {
    const n = nimbus.current;
    const created = await awsCli(n, [
      'dynamodb', 'create-table', '--table-name', 'cli',
      '--attribute-definitions', 'AttributeName=pk,AttributeType=S', 'AttributeName=sk,AttributeType=N',
      '--key-schema', 'AttributeName=pk,KeyType=HASH', 'AttributeName=sk,KeyType=RANGE',
      '--billing-mode', 'PAY_PER_REQUEST',
    ]);
    expect(created.status, created.stderr).toBe(0);
    expect(created.json).toMatchObject({ TableDescription: { TableName: 'cli', TableStatus: 'CREATING' } });
    const waited = await awsCli(n, ['dynamodb', 'wait', 'table-exists', '--table-name', 'cli']);
    expect(waited.status, waited.stderr).toBe(0);
    const described = await awsCli(n, ['dynamodb', 'describe-table', '--table-name', 'cli']);
    expect(described.json).toMatchObject({ Table: { TableStatus: 'ACTIVE', ItemCount: 0, KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }] } });
    expect((await awsCli(n, ['dynamodb', 'list-tables'])).json).toEqual({ TableNames: ['cli'] });
    const ttl = await awsCli(n, ['dynamodb', 'update-time-to-live', '--table-name', 'cli', '--time-to-live-specification', 'Enabled=true,AttributeName=exp']);
    expect(ttl.json).toEqual({ TimeToLiveSpecification: { Enabled: true, AttributeName: 'exp' } });
    const missing = await awsCli(n, ['dynamodb', 'describe-table', '--table-name', 'nope']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('ResourceNotFoundException');
    expect(missing.stderr).toContain('Requested resource not found: Table: nope not found');
    const deleted = await awsCli(n, ['dynamodb', 'delete-table', '--table-name', 'cli']);
    expect(deleted.json).toMatchObject({ TableDescription: { TableStatus: 'DELETING' } });
    expect((await awsCli(n, ['dynamodb', 'wait', 'table-not-exists', '--table-name', 'cli'])).status).toBe(0);
  });

  it.skipIf(!hasBoto3)('boto3 resource API: create_table, wait_until_exists, attributes, delete', async () => {
    const r = await boto3(
      nimbus.current,
      `
import boto3
ddb = boto3.resource('dynamodb', endpoint_url=client('dynamodb').meta.endpoint_url, region_name=session.region_name)
t = ddb.create_table(TableName='py', KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}],
    AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'N'}, {'AttributeName': 'g', 'AttributeType': 'S'}],
    GlobalSecondaryIndexes=[{'IndexName': 'by-g', 'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'}], 'Projection': {'ProjectionType': 'ALL'}}],
    BillingMode='PAY_PER_REQUEST')
t.wait_until_exists()
t.reload()
status, count, gsi = t.table_status, t.item_count, t.global_secondary_indexes[0]['IndexStatus']
names = [x.name for x in ddb.tables.all()]
t.delete()
t.wait_until_not_exists()
out({'status': status, 'count': count, 'gsi': gsi, 'names': names, 'after': [x.name for x in ddb.tables.all()]})
`,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toEqual({ status: 'ACTIVE', count: 0, gsi: 'ACTIVE', names: ['py'], after: [] });
  });
});
