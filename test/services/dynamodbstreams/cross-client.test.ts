import { describe, expect, it } from 'vitest';
import { awsCli, boto3, hasAwsCli, hasBoto3, useNimbus } from '../../helpers/nimbus.js';
import { clients, streamTable } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });

describe('DynamoDB Streams from boto3 and the aws CLI', () => {
  it.skipIf(!hasBoto3)('boto3: a poller reads PutItem/UpdateItem/DeleteItem as INSERT/MODIFY/REMOVE', async () => {
    const r = await boto3(
      nimbus.current,
      `
ddb = client('dynamodb')
streams = client('dynamodbstreams')
t = ddb.create_table(TableName='pyt', KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}],
    AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'S'}], BillingMode='PAY_PER_REQUEST',
    StreamSpecification={'StreamEnabled': True, 'StreamViewType': 'NEW_AND_OLD_IMAGES'})
arn = t['TableDescription']['LatestStreamArn']
listed = streams.list_streams(TableName='pyt')['Streams']
desc = streams.describe_stream(StreamArn=arn)['StreamDescription']
shard = desc['Shards'][0]['ShardId']
it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType='LATEST')['ShardIterator']
ddb.put_item(TableName='pyt', Item={'id': {'S': 'a'}, 'n': {'N': '1'}})
ddb.update_item(TableName='pyt', Key={'id': {'S': 'a'}}, UpdateExpression='SET n = n + :one', ExpressionAttributeValues={':one': {'N': '1'}})
ddb.delete_item(TableName='pyt', Key={'id': {'S': 'a'}})
got = []
while it:
    page = streams.get_records(ShardIterator=it, Limit=2)
    got += page['Records']
    it = page.get('NextShardIterator')
    if not page['Records']:
        break
try:
    streams.describe_stream(StreamArn=arn.split('/stream/')[0] + '/stream/2020-01-01T00:00:00.000')
    err = None
except streams.exceptions.ResourceNotFoundException as e:
    err = [e.response['Error']['Code'], e.response['Error']['Message']]
out({
  'listed': [[s['TableName'], s['StreamArn'] == arn] for s in listed],
  'status': desc['StreamStatus'], 'view': desc['StreamViewType'],
  'events': [[g['eventName'], g['eventSource'], g['dynamodb']['Keys'], g['dynamodb'].get('OldImage'), g['dynamodb'].get('NewImage')] for g in got],
  'seqs_grow': all(int(a['dynamodb']['SequenceNumber']) < int(b['dynamodb']['SequenceNumber']) for a, b in zip(got, got[1:])),
  'has_time': all('ApproximateCreationDateTime' in g['dynamodb'] for g in got),
  'still_polling': it is not None,
  'err': err,
})
`,
    );
    expect(r.status, r.stderr).toBe(0);
    const a = { id: { S: 'a' } };
    expect(r.json).toEqual({
      listed: [['pyt', true]],
      status: 'ENABLED',
      view: 'NEW_AND_OLD_IMAGES',
      events: [
        ['INSERT', 'aws:dynamodb', a, null, { ...a, n: { N: '1' } }],
        ['MODIFY', 'aws:dynamodb', a, { ...a, n: { N: '1' } }, { ...a, n: { N: '2' } }],
        ['REMOVE', 'aws:dynamodb', a, { ...a, n: { N: '2' } }, null],
      ],
      seqs_grow: true,
      has_time: true,
      still_polling: true,
      err: ['ResourceNotFoundException', expect.stringMatching(/^Requested resource not found: Stream: arn:aws:dynamodb:.*\/stream\/2020-01-01T00:00:00\.000 not found$/)],
    });
  });

  it.skipIf(!hasAwsCli)('aws dynamodbstreams list-streams / describe-stream / get-shard-iterator / get-records', async () => {
    const { ddb } = clients(nimbus);
    const arn = await streamTable(ddb, 'cli', 'KEYS_ONLY');
    const n = nimbus.current;
    const listed = await awsCli(n, ['dynamodbstreams', 'list-streams', '--table-name', 'cli']);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.json).toEqual({ Streams: [{ StreamArn: arn, TableName: 'cli', StreamLabel: arn.split('/stream/')[1] }] });
    const described = await awsCli(n, ['dynamodbstreams', 'describe-stream', '--stream-arn', arn]);
    const shardId = (described.json as { StreamDescription: { Shards: { ShardId: string }[] } }).StreamDescription.Shards[0]!.ShardId;
    const iterated = await awsCli(n, ['dynamodbstreams', 'get-shard-iterator', '--stream-arn', arn, '--shard-id', shardId, '--shard-iterator-type', 'TRIM_HORIZON']);
    const shardIterator = (iterated.json as { ShardIterator: string }).ShardIterator;
    const records = await awsCli(n, ['dynamodbstreams', 'get-records', '--shard-iterator', shardIterator]);
    expect(records.status, records.stderr).toBe(0);
    expect(records.json).toMatchObject({ Records: [] });
    const bad = await awsCli(n, ['dynamodbstreams', 'get-shard-iterator', '--stream-arn', arn, '--shard-id', shardId, '--shard-iterator-type', 'AT_SEQUENCE_NUMBER']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('ValidationException');
    expect(bad.stderr).toContain('Request specified AT_SEQUENCE_NUMBER and no SequenceNumber.');
  });
});
