import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, PutItemCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, GetRecordsCommand, ListStreamsCommand } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../helpers/nimbus.js';
import { clients, drain, expectError, iterator, streamTable } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });
const S = (s: string) => ({ S: s });

describe('DescribeStream', () => {
  it('describes the stream and its shard, open while enabled and closed once disabled', async () => {
    const { ddb, streams } = clients(nimbus);
    const arn = await streamTable(ddb, 'orders', 'NEW_AND_OLD_IMAGES', true);
    const table = (await ddb.send(new DescribeTableCommand({ TableName: 'orders' }))).Table!;
    let d = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!;
    expect(d).toMatchObject({
      StreamArn: arn,
      StreamLabel: table.LatestStreamLabel,
      StreamStatus: 'ENABLED',
      StreamViewType: 'NEW_AND_OLD_IMAGES',
      TableName: 'orders',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    });
    expect(arn).toBe(`${table.TableArn}/stream/${table.LatestStreamLabel}`);
    expect(d.CreationRequestDateTime).toBeInstanceOf(Date);
    expect(d.LastEvaluatedShardId).toBeUndefined();
    expect(d.Shards).toHaveLength(1);
    const shard = d.Shards![0]!;
    expect(shard.ShardId).toMatch(/^shardId-\d{20}-[0-9a-f]{8}$/);
    expect(shard.ShardId!.length).toBeGreaterThanOrEqual(28);
    expect(shard.ParentShardId).toBeUndefined();
    expect(shard.SequenceNumberRange!.EndingSequenceNumber).toBeUndefined();
    const start = shard.SequenceNumberRange!.StartingSequenceNumber!;
    expect(start).toMatch(/^\d{21,40}$/);

    await ddb.send(new PutItemCommand({ TableName: 'orders', Item: { pk: S('a'), sk: { N: '1' } } }));
    await ddb.send(new PutItemCommand({ TableName: 'orders', Item: { pk: S('a'), sk: { N: '2' } } }));
    const { records } = await drain(streams, await iterator(streams, arn, 'TRIM_HORIZON'));
    // The shard starts at its first record …
    expect(records[0]!.dynamodb!.SequenceNumber).toBe(start);
    await ddb.send(new UpdateTableCommand({ TableName: 'orders', StreamSpecification: { StreamEnabled: false } }));
    d = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!;
    expect(d.StreamStatus).toBe('DISABLED');
    // … and, closed, ends at its last.
    expect(d.Shards![0]!.SequenceNumberRange).toEqual({ StartingSequenceNumber: start, EndingSequenceNumber: records[1]!.dynamodb!.SequenceNumber });
  });

  it('pages shards after ExclusiveStartShardId (an unknown id is a position) and filters child shards', async () => {
    const { ddb, streams } = clients(nimbus);
    const arn = await streamTable(ddb, 't', 'KEYS_ONLY');
    const shardId = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!.Shards![0]!.ShardId!;
    const after = (id: string) => streams.send(new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: id })).then((o) => o.StreamDescription!.Shards!.map((s) => s.ShardId));
    expect(await after(shardId)).toEqual([]);
    expect(await after('zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz')).toEqual([]);
    expect(await after('shardId-00000000000000000000-00000000')).toEqual([shardId]);
    const children = await streams.send(new DescribeStreamCommand({ StreamArn: arn, ShardFilter: { Type: 'CHILD_SHARDS', ShardId: shardId } }));
    expect(children.StreamDescription!.Shards).toEqual([]);
    expect((await streams.send(new DescribeStreamCommand({ StreamArn: arn, Limit: 1 }))).StreamDescription!.Shards).toHaveLength(1);
  });

  it('answers AWS’s errors', async () => {
    const { ddb, streams } = clients(nimbus);
    const arn = await streamTable(ddb, 't', 'KEYS_ONLY');
    const missing = arn.replace(/stream\/.*$/, 'stream/2020-01-01T00:00:00.000');
    await expectError(streams.send(new DescribeStreamCommand({ StreamArn: missing })), 'ResourceNotFoundException', `Requested resource not found: Stream: ${missing} not found`);
    const otherRegion = arn.replace(':us-east-1:', ':eu-west-1:');
    await expectError(streams.send(new DescribeStreamCommand({ StreamArn: otherRegion })), 'ResourceNotFoundException', `Requested resource not found: Stream: ${otherRegion} not found`);
    await expectError(streams.send(new DescribeStreamCommand({ StreamArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/t' })), 'ValidationException', 'Invalid StreamArn');
    await expectError(streams.send(new DescribeStreamCommand({ StreamArn: 'not-an-arn' })), 'ValidationException',
      "1 validation error detected: Value 'not-an-arn' at 'streamArn' failed to satisfy constraint: Member must have length greater than or equal to 37");
    await expectError(streams.send(new DescribeStreamCommand({ StreamArn: arn, Limit: 101 })), 'ValidationException',
      "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
    await expectError(streams.send(new DescribeStreamCommand({ StreamArn: arn, Limit: 0 })), 'ValidationException',
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
  });
});

describe('ListStreams', () => {
  async function table(name: string, stream: boolean): Promise<void> {
    const { ddb } = clients(nimbus);
    await ddb.send(
      new CreateTableCommand({
        TableName: name,
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: stream ? { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } : undefined,
      }),
    );
  }

  it('lists streams oldest first, by table, in pages — disabled ones and those of deleted tables too', async () => {
    const { ddb, streams } = clients(nimbus);
    await table('t-a', true);
    await table('plain', false);
    await table('t-b', true);
    await table('t-c', true);
    const arnOf = async (t: string) => (await ddb.send(new DescribeTableCommand({ TableName: t }))).Table!.LatestStreamArn!;
    const [a, b, c] = [await arnOf('t-a'), await arnOf('t-b'), await arnOf('t-c')];

    const all = await streams.send(new ListStreamsCommand({}));
    expect(all.Streams!.map((s) => s.StreamArn)).toEqual([a, b, c]);
    expect(all.Streams![0]).toEqual({ StreamArn: a, TableName: 't-a', StreamLabel: a.split('/stream/')[1] });
    expect(all.LastEvaluatedStreamArn).toBeUndefined();

    const page1 = await streams.send(new ListStreamsCommand({ Limit: 2 }));
    expect(page1.Streams!.map((s) => s.StreamArn)).toEqual([a, b]);
    expect(page1.LastEvaluatedStreamArn).toBe(b);
    const page2 = await streams.send(new ListStreamsCommand({ Limit: 2, ExclusiveStartStreamArn: b }));
    expect(page2.Streams!.map((s) => s.StreamArn)).toEqual([c]);
    expect(page2.LastEvaluatedStreamArn).toBeUndefined();

    expect((await streams.send(new ListStreamsCommand({ TableName: 't-b' }))).Streams!.map((s) => s.StreamArn)).toEqual([b]);
    expect((await streams.send(new ListStreamsCommand({ TableName: 'plain' }))).Streams).toEqual([]);
    expect((await streams.send(new ListStreamsCommand({ TableName: 'nothing' }))).Streams).toEqual([]);

    // Disabling and enabling again makes a second stream; deleting a table keeps its stream listed.
    await ddb.send(new UpdateTableCommand({ TableName: 't-b', StreamSpecification: { StreamEnabled: false } }));
    await ddb.send(new UpdateTableCommand({ TableName: 't-b', StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } }));
    const b2 = await arnOf('t-b');
    expect(b2).not.toBe(b);
    expect((await streams.send(new ListStreamsCommand({ TableName: 't-b' }))).Streams!.map((s) => s.StreamArn)).toEqual([b, b2]);
    await ddb.send(new DeleteTableCommand({ TableName: 't-a' }));
    expect((await streams.send(new ListStreamsCommand({ TableName: 't-a' }))).Streams!.map((s) => s.StreamArn)).toEqual([a]);
    expect((await streams.send(new DescribeStreamCommand({ StreamArn: a }))).StreamDescription!.StreamStatus).toBe('DISABLED');

    // A start ARN that is well formed but unknown still places the page (by its label's time).
    const unknown = a.replace(/stream\/.*$/, 'stream/2000-01-01T00:00:00.000');
    expect((await streams.send(new ListStreamsCommand({ ExclusiveStartStreamArn: unknown }))).Streams!.map((s) => s.StreamArn)).toEqual([a, b, c, b2]);
  });

  it('refuses a bad Limit or start ARN', async () => {
    const { streams } = clients(nimbus);
    await expectError(streams.send(new ListStreamsCommand({ Limit: 101 })), 'ValidationException',
      "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
    await expectError(streams.send(new ListStreamsCommand({ Limit: 0 })), 'ValidationException',
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    await expectError(streams.send(new ListStreamsCommand({ ExclusiveStartStreamArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/not-a-stream' })), 'ValidationException', 'Invalid StreamArn');
  });
});

describe('closed shards', () => {
  it('stay readable after the stream is disabled; reading to the end drops NextShardIterator', async () => {
    const { ddb, streams } = clients(nimbus);
    const arn = await streamTable(ddb, 't', 'KEYS_ONLY');
    const latest = await iterator(streams, arn, 'LATEST');
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('1') } }));
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('2') } }));
    await ddb.send(new UpdateTableCommand({ TableName: 't', StreamSpecification: { StreamEnabled: false } }));
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('3') } })); // no stream: no record

    // An iterator from before the close reads what was written, and the answer says the shard ended.
    const held = await streams.send(new GetRecordsCommand({ ShardIterator: latest }));
    expect(held.Records!.map((r) => r.dynamodb!.Keys!.pk!.S)).toEqual(['1', '2']);
    expect(held.NextShardIterator).toBeUndefined();

    // Paging through a closed shard: the last page has no NextShardIterator.
    const p1 = await streams.send(new GetRecordsCommand({ ShardIterator: await iterator(streams, arn, 'TRIM_HORIZON'), Limit: 1 }));
    expect(p1.Records).toHaveLength(1);
    expect(p1.NextShardIterator).toBeDefined();
    const p2 = await streams.send(new GetRecordsCommand({ ShardIterator: p1.NextShardIterator!, Limit: 1 }));
    expect(p2.Records!.map((r) => r.dynamodb!.Keys!.pk!.S)).toEqual(['2']);
    expect(p2.NextShardIterator).toBeUndefined();

    // LATEST on a closed shard: nothing, and the end at once.
    const atEnd = await streams.send(new GetRecordsCommand({ ShardIterator: await iterator(streams, arn, 'LATEST') }));
    expect(atEnd).toMatchObject({ Records: [] });
    expect(atEnd.NextShardIterator).toBeUndefined();
  });

  it('a deleted table’s stream is DISABLED and readable to its end', async () => {
    const { ddb, streams } = clients(nimbus);
    const arn = await streamTable(ddb, 'gone', 'NEW_IMAGE');
    await ddb.send(new PutItemCommand({ TableName: 'gone', Item: { pk: S('x'), v: S('y') } }));
    await ddb.send(new DeleteTableCommand({ TableName: 'gone' }));
    const out = await streams.send(new GetRecordsCommand({ ShardIterator: await iterator(streams, arn, 'TRIM_HORIZON') }));
    expect(out.Records!.map((r) => [r.eventName, r.dynamodb!.NewImage])).toEqual([['INSERT', { pk: S('x'), v: S('y') }]]);
    expect(out.NextShardIterator).toBeUndefined();
  });
});
