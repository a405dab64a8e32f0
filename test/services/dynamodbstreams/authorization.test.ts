import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, ListStreamsCommand } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { policy, userWithPolicies } from '../../identity/helpers.js';
import { useNimbus } from '../../helpers/nimbus.js';
import { clients, expectError, shardOf, streamTable } from './helpers.js';

const nimbus = useNimbus();

describe('DynamoDB Streams authorization', () => {
  it('checks dynamodb:* stream actions on the stream ARN (GetRecords through its iterator), ListStreams on *', async () => {
    const { ddb, streams: root } = clients(nimbus);
    const allowed = await streamTable(ddb, 'allowed', 'KEYS_ONLY');
    const other = await streamTable(ddb, 'other', 'KEYS_ONLY');
    const keys = await userWithPolicies(nimbus, 'poller', {
      read: policy(
        { Effect: 'Allow', Action: ['dynamodb:DescribeStream', 'dynamodb:GetShardIterator', 'dynamodb:GetRecords'], Resource: 'arn:aws:dynamodb:us-east-1:000000000000:table/allowed/stream/*' },
        { Effect: 'Allow', Action: 'dynamodb:ListStreams', Resource: '*' },
      ),
    });
    const user = new DynamoDBStreamsClient(nimbus.clientConfig({ credentials: keys }));
    expect((await user.send(new ListStreamsCommand({}))).Streams).toHaveLength(2);
    const shardId = await shardOf(user, allowed);
    const it0 = (await user.send(new GetShardIteratorCommand({ StreamArn: allowed, ShardId: shardId, ShardIteratorType: 'LATEST' }))).ShardIterator!;
    expect((await user.send(new GetRecordsCommand({ ShardIterator: it0 }))).Records).toEqual([]);

    const denied = (action: string) =>
      `User: arn:aws:iam::000000000000:user/poller is not authorized to perform: dynamodb:${action} on resource: ${other} because no identity-based policy allows the dynamodb:${action} action`;
    await expectError(user.send(new DescribeStreamCommand({ StreamArn: other })), 'AccessDeniedException', denied('DescribeStream'));
    const otherShard = await shardOf(root, other);
    await expectError(user.send(new GetShardIteratorCommand({ StreamArn: other, ShardId: otherShard, ShardIteratorType: 'LATEST' })), 'AccessDeniedException', denied('GetShardIterator'));
    const otherIterator = (await root.send(new GetShardIteratorCommand({ StreamArn: other, ShardId: otherShard, ShardIteratorType: 'LATEST' }))).ShardIterator!;
    await expectError(user.send(new GetRecordsCommand({ ShardIterator: otherIterator })), 'AccessDeniedException', denied('GetRecords'));
  });
});
