/** Shared bits for the DynamoDB Streams black-box tests. */
import { CreateTableCommand, DynamoDBClient, type StreamViewType } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record, type GetRecordsCommandOutput, type ShardIteratorType } from '@aws-sdk/client-dynamodb-streams';
import type { TestNimbus } from '../../helpers/nimbus.js';

export { expectError, TestClock } from '../dynamodb/tables/helpers.js';

export function clients(nimbus: TestNimbus): { ddb: DynamoDBClient; streams: DynamoDBStreamsClient } {
  return { ddb: new DynamoDBClient(nimbus.clientConfig()), streams: new DynamoDBStreamsClient(nimbus.clientConfig()) };
}

/** Creates a table `pk` (S) [+ `sk` (N)] with a stream of the given view type; returns the stream ARN. */
export async function streamTable(ddb: DynamoDBClient, name: string, view: StreamViewType, withSortKey = false): Promise<string> {
  const out = await ddb.send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: withSortKey
        ? [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }]
        : [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: withSortKey
        ? [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }]
        : [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: view },
    }),
  );
  return out.TableDescription!.LatestStreamArn!;
}

/** The stream's (one) shard id. */
export async function shardOf(streams: DynamoDBStreamsClient, streamArn: string): Promise<string> {
  const d = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  return d.StreamDescription!.Shards![0]!.ShardId!;
}

export async function iterator(streams: DynamoDBStreamsClient, streamArn: string, type: ShardIteratorType, sequenceNumber?: string): Promise<string> {
  const shardId = await shardOf(streams, streamArn);
  const out = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type, SequenceNumber: sequenceNumber }));
  return out.ShardIterator!;
}

/**
 * Reads from an iterator the way a poller does: GetRecords with each NextShardIterator until a call
 * returns no records (or the shard ends). Returns the records and the iterator to continue from.
 */
export async function drain(streams: DynamoDBStreamsClient, from: string, limit?: number): Promise<{ records: _Record[]; next: string | undefined; calls: number }> {
  const records: _Record[] = [];
  let next: string | undefined = from;
  let calls = 0;
  while (next) {
    const out: GetRecordsCommandOutput = await streams.send(new GetRecordsCommand({ ShardIterator: next, Limit: limit }));
    calls++;
    records.push(...(out.Records ?? []));
    next = out.NextShardIterator;
    if (!out.Records?.length) break;
  }
  return { records, next, calls };
}
